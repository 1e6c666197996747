import * as vscode from 'vscode';
import { ENVIRONMENT_SOURCE, type ImportProblem } from './importedProfile';

/** One localized sentence per import problem: which file (or variable), where, and what is expected there. */
export function importProblemText(problem: ImportProblem): string {
  switch (problem.kind) {
    case 'noFiles':
      return vscode.l10n.t(
        'Found no config.json or credentials.json in {0}: config.json should hold "auth-url" and "default-region", credentials.json "access-key" and "secret-key".',
        problem.folder,
      );
    case 'missingFile':
      return problem.expected === 'config'
        ? vscode.l10n.t('{0} was not found; it should hold "auth-url" and "default-region" (and optionally "endpoint-override").', problem.file)
        : vscode.l10n.t('{0} was not found; it should hold "access-key" and "secret-key".', problem.file);
    case 'unreadableFile':
      return vscode.l10n.t('Could not read {0} ({1}); check that it is a readable file.', problem.file, problem.reason);
    case 'malformedJson':
      return problem.found === undefined
        ? vscode.l10n.t('{0} is not valid JSON: it ends too early (line {1}, column {2}).', problem.file, String(problem.line), String(problem.column))
        : vscode.l10n.t(
            '{0} is not valid JSON at line {1}, column {2} (unexpected {3}).',
            problem.file,
            String(problem.line),
            String(problem.column),
            JSON.stringify(problem.found),
          );
    case 'tooDeep':
      return vscode.l10n.t(
        '{0} nests more than {1} levels deep (line {2}, column {3}); a profile file needs three, so check that it is the right file.',
        problem.file,
        String(problem.maxDepth),
        String(problem.line),
        String(problem.column),
      );
    case 'notAnObject':
      return problem.at === undefined
        ? vscode.l10n.t('{0} must hold one JSON object of fields, such as {"default-region": "kr-west1"}.', problem.file)
        : vscode.l10n.t('"{0}" in {1} must be a JSON object of fields.', problem.at, problem.file);
    case 'badField':
      return badFieldText(problem);
  }
}

function badFieldText(problem: Extract<ImportProblem, { kind: 'badField' }>): string {
  const where = problem.source === ENVIRONMENT_SOURCE ? vscode.l10n.t('the environment variables') : problem.source;
  const value = problem.value ?? '';
  switch (problem.problem) {
    case 'missing':
      return vscode.l10n.t('Profile "{0}": "{1}" is missing in {2}.', problem.profile, problem.field, where);
    case 'notText':
      return vscode.l10n.t('Profile "{0}": "{1}" in {2} must be a string.', problem.profile, problem.field, where);
    case 'unknownEnvironment':
      return vscode.l10n.t(
        'Profile "{0}": "{1}" ({2}) names no SCP environment; use https://iam.<e, s or g>.samsungsdscloud.com/v1, or add an endpoint override.',
        problem.profile,
        problem.field,
        value,
      );
    case 'regionNotInEnvironment':
      return vscode.l10n.t('Profile "{0}": region {1} does not exist in the environment of its auth URL.', problem.profile, value);
    case 'userInfo':
      return vscode.l10n.t(
        'Profile "{0}": "{1}" in {2} contains a user name or password (user:password@); remove that part, SCP signs requests with the access key.',
        problem.profile,
        problem.field,
        where,
      );
    case 'controlCharacter':
      return vscode.l10n.t(
        'Profile "{0}": "{1}" in {2} contains a line break or another control character; a key is one line of text, so copy it again.',
        problem.profile,
        problem.field,
        where,
      );
    case 'badUrl':
      return vscode.l10n.t(
        'Profile "{0}": "{1}" ({2}) is not a usable URL; use https://host:port, or http:// only for a loopback host.',
        problem.profile,
        problem.field,
        value,
      );
  }
}
