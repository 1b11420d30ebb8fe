// The action's log writer: every line the action prints goes through here, redacted and unable to start a
// workflow command. Text from the repository, the database and the Lambda reaches the log (revision ids and
// messages, version rows, error texts); the runner reads any stdout line that starts with `::` (after whitespace)
// or `##[` as a command (`::add-mask::`, `::stop-commands::`, `::set-output` …), so no such line may pass as is.
import type { Redactor } from './redactor.js';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** What the action needs from @actions/core to write its log; `core` itself fits. */
export interface LogCore {
  info(message: string): void;
  notice(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  setFailed(message: string): void;
  setSecret(secret: string): void;
}

// The runner trims with .NET's char.IsWhiteSpace, which also counts U+0085 (JavaScript's \s does not).
const COMMAND_START = /^[\s\u0085]*(?:::|##\[)/;
/** Put before a line that would otherwise be read as a workflow command. */
export const COMMAND_FENCE = '| ';

/** The text with every line that the runner would read as a command prefixed by COMMAND_FENCE. */
export function neutraliseCommands(text: string): string {
  // The runner splits lines at \n, \r\n and a lone \r alike.
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (COMMAND_START.test(line) ? `${COMMAND_FENCE}${line}` : line))
    .join('\n');
}

/** A LogCore that redacts everything and fences plain lines; annotations are escaped by @actions/core itself. */
export function createActionLog(core: LogCore, redactor: Redactor): LogCore {
  const props = (p: AnnotationProperties | undefined): AnnotationProperties | undefined =>
    p && {
      ...p,
      title: p.title === undefined ? undefined : redactor.text(p.title),
      file: p.file === undefined ? undefined : redactor.text(p.file),
    };
  return {
    info: (message) => core.info(neutraliseCommands(redactor.text(message))),
    notice: (message, p) => core.notice(redactor.text(message), props(p)),
    warning: (message, p) => core.warning(redactor.text(message), props(p)),
    error: (message, p) => core.error(redactor.text(message), props(p)),
    setFailed: (message) => core.setFailed(redactor.text(message)),
    setSecret: (secret) => {
      if (!secret) return;
      redactor.add(secret);
      core.setSecret(secret);
    },
  };
}
