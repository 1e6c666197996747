import type { Locator, Page } from 'playwright-core';

/** What identifies one step of a form in the quick input: the title exactly, and parts of its texts. */
export interface StepExpectation {
  /** E.g. "Create Cloud ML (4/17)". */
  title: string;
  /** Part of the input's placeholder (a pick's question). */
  placeholder?: string;
  /** Part of the message under the input (an input box's prompt, or a validation sentence). */
  message?: string;
}

/** What the quick input shows right now, for assertions and for failure messages. */
export interface QuickInputState {
  visible: boolean;
  title: string;
  placeholder: string;
  message: string;
  value: string;
  inputType: string;
  /** The rows' aria-labels (label, description, detail). */
  rows: string[];
  focusedRow: string | undefined;
}

const WAIT_MS = 30_000;

/**
 * Works VS Code's quick input (command palette, quick picks, input boxes) the way a person does: wait until the
 * expected step is on screen, type into the box, press Enter. The same widget is reused from step to step, so
 * every wait names the step it waits for (title and texts) instead of "the widget is visible".
 */
export class QuickInput {
  readonly widget: Locator;
  readonly input: Locator;

  constructor(private readonly page: Page) {
    this.widget = page.locator('.quick-input-widget');
    this.input = this.widget.locator('.quick-input-box input');
  }

  async state(): Promise<QuickInputState> {
    return this.page.evaluate(() => {
      const widget = document.querySelector<HTMLElement>('.quick-input-widget');
      const input = widget?.querySelector<HTMLInputElement>('.quick-input-box input');
      const rows = Array.from(widget?.querySelectorAll<HTMLElement>('.quick-input-list .monaco-list-row') ?? []);
      return {
        visible: widget !== null && widget !== undefined && widget.checkVisibility(),
        title: widget?.querySelector('.quick-input-title')?.textContent ?? '',
        placeholder: input?.placeholder ?? '',
        message: widget?.querySelector('.quick-input-message')?.textContent ?? '',
        value: input?.value ?? '',
        inputType: input?.type ?? '',
        rows: rows.map((row) => row.getAttribute('aria-label') ?? ''),
        focusedRow: rows.find((row) => row.classList.contains('focused'))?.getAttribute('aria-label') ?? undefined,
      };
    });
  }

  /** Waits until the quick input shows `expected`; fails saying what it shows instead. */
  async waitForStep(expected: StepExpectation, timeout = WAIT_MS): Promise<QuickInputState> {
    try {
      await this.page.waitForFunction(
        (exp) => {
          const widget = document.querySelector<HTMLElement>('.quick-input-widget');
          if (!widget?.checkVisibility()) return false;
          const input = widget.querySelector<HTMLInputElement>('.quick-input-box input');
          const title = widget.querySelector('.quick-input-title')?.textContent ?? '';
          const message = widget.querySelector('.quick-input-message')?.textContent ?? '';
          return (
            title === exp.title &&
            (exp.placeholder === undefined || (input?.placeholder ?? '').includes(exp.placeholder)) &&
            (exp.message === undefined || message.includes(exp.message))
          );
        },
        expected,
        { timeout },
      );
    } catch (error) {
      throw new Error(`The quick input did not show ${JSON.stringify(expected)}; it shows ${JSON.stringify(await this.state())}. (${String(error)})`);
    }
    return this.state();
  }

  /** Replaces the box's text with `text` (typed key by key) and presses Enter. */
  async typeAndEnter(text: string): Promise<void> {
    await this.replaceText(text);
    await this.input.press('Enter');
  }

  async replaceText(text: string): Promise<void> {
    await this.input.press('Control+a');
    if (text === '') await this.input.press('Delete');
    else await this.input.pressSequentially(text);
  }

  /** An input-box step: wait for it, type the answer, Enter. */
  async answer(expected: StepExpectation, text: string): Promise<QuickInputState> {
    const shown = await this.waitForStep(expected);
    await this.typeAndEnter(text);
    return shown;
  }

  /**
   * A pick step: wait for it and for its list (picks that load show busy first), type `filter`, wait until the
   * highlighted row is the one wanted (its aria-label holds `rowText`), Enter.
   */
  async choose(expected: StepExpectation, filter: string, rowText: string): Promise<QuickInputState> {
    const shown = await this.waitForStep(expected);
    await this.row(rowText).first().waitFor({ timeout: WAIT_MS });
    await this.replaceText(filter);
    await this.waitForFocusedRow(rowText);
    await this.input.press('Enter');
    return shown;
  }

  /**
   * Rows whose aria-label (label, description, detail; codicons read as words, e.g. "check  Done") holds `text`.
   */
  row(text: string): Locator {
    return this.widget.locator(`.quick-input-list .monaco-list-row[aria-label*=${JSON.stringify(text)}]`);
  }

  async waitForFocusedRow(text: string): Promise<void> {
    try {
      await this.widget.locator(`.quick-input-list .monaco-list-row.focused[aria-label*=${JSON.stringify(text)}]`).waitFor({ timeout: WAIT_MS });
    } catch (error) {
      throw new Error(`No highlighted row with "${text}"; the quick input shows ${JSON.stringify(await this.state())}. (${String(error)})`);
    }
  }

  /** F1, type the command's title as the palette shows it ("SCP Cloud ML: Create Cloud ML…"), Enter. */
  async runCommand(paletteTitle: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.waitForFunction(() => {
      const widget = document.querySelector<HTMLElement>('.quick-input-widget');
      return widget?.checkVisibility() === true && widget.querySelector<HTMLInputElement>('.quick-input-box input')?.value.startsWith('>') === true;
    });
    await this.input.pressSequentially(paletteTitle);
    await this.waitForFocusedRow(paletteTitle);
    await this.input.press('Enter');
  }

  async escape(): Promise<void> {
    await this.input.press('Escape');
    await this.waitHidden();
  }

  async waitHidden(timeout = WAIT_MS): Promise<void> {
    await this.widget.waitFor({ state: 'hidden', timeout });
  }
}
