// Reads an ini file with the semantics of Python's configparser.ConfigParser as Alembic creates it:
// `=` or `:` delimiters, option names lower-cased, full-line `#`/`;` comments only (an inline `# ...` stays part of
// the value), indented continuation lines joined with "\n", strict duplicates, and BasicInterpolation
// (`%(name)s`, `%%`) against the section plus [DEFAULT] plus the defaults Alembic passes (`here`).

export class IniFile {
  constructor(
    readonly path: string,
    private readonly sections: Map<string, Map<string, string | null>>,
    private readonly defaults: Map<string, string | null>,
  ) {}

  hasSection(section: string): boolean {
    return this.sections.has(section);
  }

  /** Section names in file order ([DEFAULT] excluded). */
  sectionNames(): string[] {
    return [...this.sections.keys()];
  }

  /** The interpolated value, or undefined when the option is absent (a valueless option reads as null). */
  get(section: string, option: string): string | null | undefined {
    const key = option.toLowerCase();
    const own = this.sections.get(section);
    const raw = own?.has(key) ? own.get(key) : this.defaults.get(key);
    if (raw === undefined || raw === null) return raw;
    return this.interpolate(section, key, raw, 1);
  }

  private lookup(section: string, key: string): string | null | undefined {
    const own = this.sections.get(section);
    return own?.has(key) ? own.get(key) : this.defaults.get(key);
  }

  private interpolate(section: string, option: string, value: string, depth: number): string {
    if (depth > 10) throw new Error(`${this.where(section, option)}: interpolation is nested too deeply`);
    let out = '';
    let i = 0;
    while (i < value.length) {
      const p = value.indexOf('%', i);
      if (p === -1) {
        out += value.slice(i);
        break;
      }
      out += value.slice(i, p);
      const next = value[p + 1];
      if (next === '%') {
        out += '%';
        i = p + 2;
      } else if (next === '(') {
        const close = value.indexOf(')', p + 2);
        if (close === -1 || value[close + 1] !== 's') {
          throw new Error(`${this.where(section, option)}: bad interpolation syntax in "${value}"`);
        }
        const name = value.slice(p + 2, close).toLowerCase();
        const ref = this.lookup(section, name);
        if (ref === undefined || ref === null) {
          throw new Error(`${this.where(section, option)}: "%(${name})s" refers to an option that does not exist`);
        }
        out += ref.includes('%') ? this.interpolate(section, name, ref, depth + 1) : ref;
        i = close + 2;
      } else {
        throw new Error(`${this.where(section, option)}: '%' must be followed by '%' or '(' in "${value}"`);
      }
    }
    return out;
  }

  private where(section: string, option: string): string {
    return `"${this.path}" [${section}] ${option}`;
  }
}

const SECTION = /^\[(.+)\]$/;

/** Parses ini text; `defaults` are the constructor defaults (Alembic passes `here`). Throws naming file and line. */
export function parseIni(text: string, path: string, defaults: Record<string, string> = {}): IniFile {
  const sections = new Map<string, Map<string, string | null>>();
  const defaultSection = new Map<string, string | null>(Object.entries(defaults).map(([k, v]) => [k.toLowerCase(), v]));
  const pending = new Map<Map<string, string | null>, Map<string, string[] | null>>();
  let current: Map<string, string[] | null> | null = null;
  let option: string | null = null;
  let indentLevel = 0;
  const seenSections = new Set<string>();
  let seenOptions = new Set<string>();

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    const trimmed = line.trim();
    const isComment = trimmed.startsWith('#') || trimmed.startsWith(';');
    if (trimmed === '' || isComment) {
      // configparser keeps empty lines inside a multi-line value (trailing ones are trimmed at join).
      if (!isComment && current && option !== null) current.get(option)?.push('');
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (current && option !== null && indent > indentLevel) {
      const values = current.get(option);
      if (values) values.push(trimmed);
      continue;
    }
    indentLevel = indent;
    const header = SECTION.exec(trimmed);
    if (header) {
      const name = header[1] as string;
      if (seenSections.has(name)) throw new Error(`"${path}" line ${n + 1}: section [${name}] appears twice`);
      seenSections.add(name);
      seenOptions = new Set();
      const target = name === 'DEFAULT' ? defaultSection : (sections.get(name) ?? new Map<string, string | null>());
      sections.set(name, target);
      current = pending.get(target) ?? new Map<string, string[] | null>();
      pending.set(target, current);
      option = null;
      continue;
    }
    if (!current) throw new Error(`"${path}" line ${n + 1}: text before the first [section] header`);
    const delimiter = firstDelimiter(trimmed);
    if (delimiter === -1) {
      throw new Error(`"${path}" line ${n + 1}: "${trimmed}" is neither a section header nor an option`);
    }
    const name = trimmed.slice(0, delimiter).trim().toLowerCase();
    if (name === '') throw new Error(`"${path}" line ${n + 1}: option without a name`);
    if (seenOptions.has(name))
      throw new Error(`"${path}" line ${n + 1}: option "${name}" appears twice in its section`);
    seenOptions.add(name);
    current.set(name, [trimmed.slice(delimiter + 1).trim()]);
    option = name;
  }

  for (const [target, values] of pending) {
    for (const [name, parts] of values) target.set(name, parts === null ? null : parts.join('\n').trimEnd());
  }
  sections.delete('DEFAULT');
  return new IniFile(path, sections, defaultSection);
}

function firstDelimiter(s: string): number {
  const eq = s.indexOf('=');
  const colon = s.indexOf(':');
  if (eq === -1) return colon;
  if (colon === -1) return eq;
  return Math.min(eq, colon);
}
