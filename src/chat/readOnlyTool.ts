import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { redactText } from '../scp/redact';
import { isScpError } from '../scp/scpError';
import { describeError, logError } from '../ui/errorPresenter';
import type { ChatToolServices } from './chatToolServices';

/** One read-only tool: its input schema, what the chat shows while it runs, and the work that gives its text. */
export interface ReadOnlyToolSpec<I> {
  name: string;
  input: z.ZodMiniType<I>;
  /** Shown in the chat while the tool runs (localized). */
  invocationMessage(input: I): string;
  /** The result as compact text; throws on failure. `signal` aborts when the chat cancels. */
  run(input: I, signal: AbortSignal): Promise<string>;
}

/**
 * Wraps a spec as a vscode.LanguageModelTool: the input is checked with zod (a bad input is refused with a
 * sentence saying what is wrong, and nothing is read), the chat's cancellation aborts the calls (queued ones
 * never start), failures become the same one-sentence messages as everywhere else, and every registered secret
 * is masked in the result. Nothing here changes SCP: every tool only reads.
 */
export function readOnlyTool<I>(spec: ReadOnlyToolSpec<I>, services: ChatToolServices): vscode.LanguageModelTool<unknown> {
  return {
    prepareInvocation(options) {
      const parsed = spec.input.safeParse(options.input);
      return parsed.success ? { invocationMessage: spec.invocationMessage(parsed.data) } : undefined;
    },
    async invoke(options, token) {
      const parsed = spec.input.safeParse(options.input);
      if (!parsed.success) {
        services.log.warn(`chat tool ${spec.name}: input refused (${inputProblem(parsed.error)})`);
        throw new Error(vscode.l10n.t('The tool input is not valid: {0}', inputProblem(parsed.error)));
      }
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      try {
        const text = await spec.run(parsed.data, controller.signal);
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(services.log.scrub(redactText(text)))]);
      } catch (error) {
        if (token.isCancellationRequested || (isScpError(error) && error.kind === 'cancelled')) {
          services.log.info(`chat tool ${spec.name}: cancelled`);
          throw new vscode.CancellationError();
        }
        logError(services.log, error, `chat tool ${spec.name}`);
        throw new Error(services.log.scrub(describeError(error)));
      } finally {
        listener.dispose();
      }
    },
  };
}

/** "gpu: expected a number" — the first problems, by field path. */
function inputProblem(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.map(String).join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
