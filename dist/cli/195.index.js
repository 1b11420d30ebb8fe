export const id = 195;
export const ids = [195,392];
export const modules = {

/***/ 8195:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lintCommand: () => (/* binding */ lintCommand)
});

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/config/config.js + 3 modules
var config_config = __webpack_require__(5639);
// EXTERNAL MODULE: ./lib/config/inputs.js
var inputs = __webpack_require__(6097);
// EXTERNAL MODULE: ./lib/database/open.js
var database_open = __webpack_require__(7401);
// EXTERNAL MODULE: ./lib/database/pglite.js
var pglite = __webpack_require__(3392);
;// CONCATENATED MODULE: ./lib/lint/chunked-writer.js
// Output of `lint` made a finding at a time and written in chunks. One `write` a finding would be one system call
// each; the whole text as one string is what the streaming avoids (tens of MB for 25,000 findings); and a stream
// that cannot take a chunk at once (stdout to a pipe) queues it and writes it only when the event loop runs, so a
// loop that never waits queues the whole output (measured: +100 MB for --json into a pipe). Hence: chunks, and a
// wait after each until the stream has written what it queued.
/** The chunk size: large enough to make system calls rare, small enough to keep little queued. */
const CHUNK_CHARS = 64 * 1024;
/** Writes `pieces` in chunks of about `chunkChars` characters, awaiting `drained()` after each chunk. */
async function writeChunked(pieces, write, drained, chunkChars = CHUNK_CHARS) {
    let pending = '';
    for (const piece of pieces) {
        pending += piece;
        if (pending.length >= chunkChars) {
            write(pending);
            pending = '';
            await drained();
        }
    }
    if (pending.length > 0)
        write(pending);
}

// EXTERNAL MODULE: ./lib/catalog/snapshot.js + 4 modules
var snapshot = __webpack_require__(6462);
// EXTERNAL MODULE: ./lib/drift/ignore-rules.js
var ignore_rules = __webpack_require__(7507);
;// CONCATENATED MODULE: ./lib/lint/rules.js
const RULE_IDS = [
    'create-index-not-concurrently',
    'concurrently-in-transaction',
    'add-not-null-column-without-default',
    'set-not-null-with-scan',
    'alter-column-type-rewrite',
    'foreign-key-without-not-valid',
    'check-constraint-without-not-valid',
    'unique-constraint-with-lock',
    'drop-column',
    'drop-table',
    'rename-column',
    'rename-table',
    'volatile-default-rewrite',
    'missing-lock-timeout',
    'unbounded-data-change',
    'require-concurrent-index-deletion',
    'ban-drop-not-null',
    'ban-drop-database',
    'adding-serial-primary-key-field',
    'prefer-robust-stmts',
];
const on = (op) => op.table
    ? `\`${op.table.schema ? `${op.table.schema}.` : ''}${op.table.name}\``
    : 'a table whose name is not a literal';
const rule = (r) => r;
const RULES = [
    rule({
        id: 'create-index-not-concurrently',
        lock: 'SHARE (blocks INSERT, UPDATE, DELETE for the whole build)',
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'create-index' && !op.concurrently
            ? `${op.call} on ${on(op)} builds the index without CONCURRENTLY: writes to the table wait for the whole build`
            : null,
    }),
    rule({
        id: 'concurrently-in-transaction',
        lock: 'none taken: the statement fails (CONCURRENTLY cannot run inside a transaction block)',
        graded: false,
        severity: 'error',
        exemptNewTable: false,
        check: (op) => (op.kind === 'create-index' || op.kind === 'drop-index') && op.concurrently
            ? op.transaction === 'alembic'
                ? `${op.call}${op.kind === 'create-index' ? ` on ${on(op)}` : ''} runs CONCURRENTLY inside Alembic's transaction, where PostgreSQL refuses it and the deploy stops; wrap it in \`with op.get_context().autocommit_block():\``
                : op.transaction === 'statement-list'
                    ? `${op.call}${op.kind === 'create-index' ? ` on ${on(op)}` : ''} shares its execute() string with other statements, which PostgreSQL runs as one transaction block, where it refuses CONCURRENTLY and the deploy stops; give it an execute() of its own`
                    : null
            : null,
    }),
    rule({
        id: 'add-not-null-column-without-default',
        lock: 'ACCESS EXCLUSIVE; fails on any table that has rows',
        graded: false,
        severity: 'error',
        exemptNewTable: true,
        check: (op) => op.kind === 'add-column' && op.notNull && op.default.kind === 'none' && !op.serial
            ? `${op.call} adds NOT NULL column \`${op.column}\` to ${on(op)} without a server default: it fails as soon as the table has a row`
            : null,
    }),
    rule({
        id: 'set-not-null-with-scan',
        lock: 'ACCESS EXCLUSIVE for a full scan of the table',
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'set-not-null'
            ? `${op.call} makes \`${op.column}\` of ${on(op)} NOT NULL, scanning every row under an ACCESS EXCLUSIVE lock (reads and writes wait)`
            : null,
    }),
    rule({
        id: 'alter-column-type-rewrite',
        lock: 'ACCESS EXCLUSIVE while the table and its indexes are rewritten',
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'alter-type' && typeChange(op.from, op.to) === 'rewrite'
            ? `${op.call} changes \`${op.column}\` of ${on(op)}${op.from ? ` from ${typeText(op.from)}` : ''} to ${op.to ? typeText(op.to) : 'another type'}, which rewrites the table and its indexes under an ACCESS EXCLUSIVE lock`
            : null,
    }),
    rule({
        id: 'foreign-key-without-not-valid',
        lock: 'SHARE ROW EXCLUSIVE on both tables while every row is checked',
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => (op.kind === 'add-foreign-key' && !op.notValid) || (op.kind === 'add-column' && op.foreignKey)
            ? `${op.call} adds a foreign key on ${on(op)} validated at once: both tables are locked against writes while every row is checked`
            : null,
    }),
    rule({
        id: 'check-constraint-without-not-valid',
        lock: 'ACCESS EXCLUSIVE while every row is checked',
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'add-check' && !op.notValid
            ? `${op.call} adds a CHECK constraint on ${on(op)} validated at once, scanning every row under an ACCESS EXCLUSIVE lock`
            : null,
    }),
    rule({
        id: 'unique-constraint-with-lock',
        lock: 'SHARE while the index is built, then ACCESS EXCLUSIVE',
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'add-unique' && !op.usingIndex && !op.primaryKey
            ? `${op.call} on ${on(op)} builds its index under lock (writes wait for the whole build); build a unique index CONCURRENTLY first and add the constraint USING INDEX`
            : null,
    }),
    rule({
        id: 'drop-column',
        lock: 'ACCESS EXCLUSIVE (brief); the data is lost',
        graded: false,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'drop-column'
            ? `${op.call} drops \`${op.column}\` from ${on(op)}: its data is gone and code still reading it fails until every deploy has stopped using it`
            : null,
    }),
    rule({
        id: 'drop-table',
        lock: 'ACCESS EXCLUSIVE (brief); the data is lost',
        graded: false,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'drop-table' ? `${op.call} drops ${on(op)}: its data is gone and code still reading it fails` : null,
    }),
    rule({
        id: 'rename-column',
        lock: 'ACCESS EXCLUSIVE (brief)',
        graded: false,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'rename-column'
            ? `${op.call} renames \`${op.column}\` of ${on(op)} to \`${op.to}\`: code running the old name fails from the moment it applies`
            : null,
    }),
    rule({
        id: 'rename-table',
        lock: 'ACCESS EXCLUSIVE (brief)',
        graded: false,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'rename-table'
            ? `${op.call} renames ${on(op)} to \`${op.to}\`: code running the old name fails from the moment it applies`
            : null,
    }),
    rule({
        id: 'volatile-default-rewrite',
        lock: 'ACCESS EXCLUSIVE while the table is rewritten',
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => {
            if (op.kind !== 'add-column')
                return null;
            if (op.serial)
                return `${op.call} adds serial column \`${op.column}\` to ${on(op)}: its nextval() default rewrites the table under an ACCESS EXCLUSIVE lock`;
            return op.default.kind === 'volatile'
                ? `${op.call} adds \`${op.column}\` to ${on(op)} with the volatile default ${op.default.fn}(), which rewrites the table under an ACCESS EXCLUSIVE lock`
                : null;
        },
    }),
    rule({
        id: 'missing-lock-timeout',
        lock: 'whatever the migration takes, waited for without limit (and queueing every query behind it)',
        graded: false,
        severity: 'warning',
        exemptNewTable: false,
        // A property of the migration, not of one operation: see missingLockTimeout in lint.ts.
        check: () => null,
    }),
    rule({
        id: 'unbounded-data-change',
        lock: 'ROW EXCLUSIVE, with a row lock on every row changed, for the whole transaction',
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'data-change' && !op.bounded
            ? `${op.call} on ${on(op)} has no WHERE clause: every row is changed and locked in one transaction`
            : null,
    }),
    rule({
        id: 'require-concurrent-index-deletion',
        lock: "ACCESS EXCLUSIVE on the index's table (reads and writes wait, and queue behind it while it waits)",
        graded: false,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'drop-index' && !op.concurrently
            ? `${op.call}${op.table ? ` on ${on(op)}` : ''} drops the index without CONCURRENTLY: it takes an ACCESS EXCLUSIVE lock on the table, so every read and write waits, first for the queries already running, then for the drop`
            : null,
    }),
    rule({
        id: 'ban-drop-not-null',
        lock: 'ACCESS EXCLUSIVE (brief)',
        graded: false,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => op.kind === 'drop-not-null'
            ? `${op.call} lets \`${op.column}\` of ${on(op)} hold NULL: code and readers that rely on it never being NULL (the running release, reports, replicas' consumers) break on the first NULL written`
            : null,
    }),
    rule({
        id: 'ban-drop-database',
        lock: 'the whole database: every connection to it must end; everything in it is lost',
        graded: false,
        severity: 'error',
        exemptNewTable: false,
        check: (op) => op.kind === 'drop-database'
            ? `${op.call} drops the database \`${op.database}\` from a migration: everything in it is gone, and PostgreSQL refuses it inside Alembic's transaction anyway`
            : null,
    }),
    rule({
        id: 'adding-serial-primary-key-field',
        lock: "ACCESS EXCLUSIVE while the primary key's index is built (and the table rewritten for a serial column)",
        graded: true,
        severity: 'warning',
        exemptNewTable: true,
        check: (op) => (op.kind === 'add-column' && op.primaryKey) || (op.kind === 'add-unique' && op.primaryKey && !op.usingIndex)
            ? `${op.call} adds a primary key to ${on(op)}, building its unique index under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build; build a unique index CONCURRENTLY first and add the key USING INDEX`
            : null,
    }),
    rule({
        id: 'prefer-robust-stmts',
        lock: 'none of its own: outside a transaction a failed run leaves the change half made, and running it again fails',
        graded: false,
        severity: 'warning',
        exemptNewTable: false,
        check: (op) => ROBUST_KINDS.has(op.kind) && !op.guarded && (op.transaction === 'autocommit' || op.transaction === 'after-commit')
            ? `${op.call}${op.table ? ` on ${on(op)}` : ''} runs outside a transaction without ${op.kind.startsWith('drop') ? 'IF EXISTS' : 'IF NOT EXISTS'}: if the migration fails after it, nothing rolls it back, and the retry fails on it (a failed CREATE INDEX CONCURRENTLY also leaves an INVALID index to drop)`
            : null,
    }),
];
// What `prefer-robust-stmts` asks IF [NOT] EXISTS of: the statements a retried migration meets again.
const ROBUST_KINDS = new Set([
    'create-index',
    'drop-index',
    'create-table',
    'drop-table',
    'add-column',
    'drop-column',
]);
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
// Changes PostgreSQL makes without a rewrite (binary-coercible widenings). Without the old type only the targets
// no widening can reach are certain rewrites; a widening target with an unknown source cannot be told statically.
const WIDENING_TARGETS = new Set(['text', 'varchar', 'numeric', 'varbit', 'cidr']);
/** safe | rewrite | unknown (the old type is not given and the new one could be a widening). */
function typeChange(from, to) {
    if (to === null)
        return 'unknown';
    if (from === null)
        return WIDENING_TARGETS.has(to.name) ? 'unknown' : 'rewrite';
    const textual = (t) => t.name === 'text' || t.name === 'varchar';
    if (to.name === 'text' && textual(from))
        return 'safe';
    if (to.name === 'varchar' && from.name === 'varchar') {
        if (to.size === null)
            return 'safe';
        return from.size !== null && from.size <= to.size ? 'safe' : 'rewrite';
    }
    if (to.name === 'numeric' && from.name === 'numeric') {
        if (to.size === null)
            return 'safe';
        return from.size !== null && from.size <= to.size ? 'safe' : 'rewrite';
    }
    if (to.name === 'cidr' && from.name === 'inet')
        return 'rewrite';
    return from.name === to.name && from.size === to.size ? 'safe' : 'rewrite';
}
function typeText(t) {
    return t.size === null ? t.name : `${t.name}(${t.size})`;
}

;// CONCATENATED MODULE: ./lib/lint/config.js
// The `lint:` block of `.schema-drift.yml` (or `"lint": {…}` in its JSON form), in the same YAML subset as the
// ignore rules (src/drift/ignore-rules.ts):
//
//   lint:
//     rules:
//       drop-column: error            # off | error | warning | notice | on (the rule's own grading)
//       missing-lock-timeout: off
//     ignore:
//       - file: migrations/versions/2024_*.py   # glob on the repository-relative path; required
//         rule: drop-table                      # a rule id or * ; required
//         reason: "archived table, data exported to S3"   # required
//         expires: 2026-06-30                   # optional YYYY-MM-DD, inclusive
//
// Anything else is refused with its line number, like the rest of the file.



const EMPTY_LINT_CONFIG = { rules: new Map(), ignores: [] };
const SETTINGS = new Set(['off', 'on', 'error', 'warning', 'notice']);
const IGNORE_FIELDS = new Set(['file', 'rule', 'reason', 'expires']);
/** Reads the `lint:` block; an absent block is the empty config. Throws naming the file and line. */
function parseLintConfig(text, file) {
    const fail = (line, message) => {
        throw new Error(`Could not read the lint configuration "${file}"${line ? ` line ${line}` : ''}: ${message}`);
    };
    if (text.trimStart().startsWith('{'))
        return fromJson(text, file, fail);
    const config = { rules: new Map(), ignores: [] };
    let inLint = false;
    let section = null;
    let item = null;
    let itemIndent = -1;
    const items = [];
    for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
        const line = index + 1;
        const content = (0,ignore_rules/* stripComment */.eJ)(rawLine, line, fail).trimEnd();
        if (content.trim() === '')
            continue;
        const indent = content.length - content.trimStart().length;
        const body = content.trim();
        if (indent === 0) {
            inLint = /^lint:\s*$/.test(body);
            section = null;
            continue;
        }
        if (!inLint)
            continue;
        if (indent === 2) {
            const key = /^(rules|ignore):\s*(\[\]|\{\})?$/.exec(body);
            if (!key)
                fail(line, `expected "rules:" or "ignore:" under "lint:", found ${JSON.stringify(body)}`);
            section = key[1];
            item = null;
            continue;
        }
        if (section === 'rules') {
            const pair = /^([a-z-]+):\s*(.*)$/.exec(body);
            if (indent !== 4 || !pair)
                fail(line, `expected "rule-id: setting" under "rules:", found ${JSON.stringify(body)}`);
            setRule(config, pair[1] ?? '', (0,ignore_rules/* scalar */.d_)(pair[2] ?? '', line, fail), line, fail);
            continue;
        }
        if (section !== 'ignore')
            fail(line, 'indented line outside "rules:" or "ignore:"');
        let rest = body;
        if (body.startsWith('- ')) {
            item = { fields: {}, line };
            items.push(item);
            itemIndent = indent + 2;
            rest = body.slice(2).trim();
        }
        else if (!item || indent !== itemIndent) {
            fail(line, 'expected "- key: value" or a key aligned with the item above');
        }
        const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(rest);
        if (!pair || !item)
            fail(line, `expected "key: value", found ${JSON.stringify(rest)}`);
        const key = pair[1] ?? '';
        if (key in item.fields)
            fail(line, `"${key}" given twice`);
        item.fields[key] = (0,ignore_rules/* scalar */.d_)(pair[2] ?? '', line, fail);
    }
    for (const { fields, line } of items)
        config.ignores.push(fileIgnore(fields, file, line, fail));
    return config;
}
function fromJson(text, file, fail) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return fail(undefined, `not valid JSON (${error.message})`);
    }
    const config = { rules: new Map(), ignores: [] };
    const lint = value.lint;
    if (lint === undefined)
        return config;
    if (!lint || typeof lint !== 'object')
        return fail(undefined, '"lint" is not an object');
    const { rules = {}, ignore = [], ...rest } = lint;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined)
        fail(undefined, `unknown key lint.${extra} (expected rules, ignore)`);
    if (!rules || typeof rules !== 'object' || Array.isArray(rules))
        fail(undefined, '"lint.rules" is not an object');
    for (const [id, setting] of Object.entries(rules)) {
        if (typeof setting !== 'string')
            fail(undefined, `lint.rules.${id} is not a string`);
        setRule(config, id, setting, undefined, fail);
    }
    if (!Array.isArray(ignore))
        return fail(undefined, '"lint.ignore" is not a list');
    ignore.forEach((item, i) => {
        const fields = item;
        if (!item || typeof item !== 'object' || Object.values(fields).some((v) => typeof v !== 'string'))
            fail(undefined, `lint.ignore[${i}] is not an object of strings`);
        config.ignores.push(fileIgnore(fields, file, undefined, fail, `lint.ignore[${i}]: `));
    });
    return config;
}
function setRule(config, id, setting, line, fail) {
    if (!RULE_IDS.includes(id))
        fail(line, `unknown lint rule "${id}" (expected one of ${RULE_IDS.join(', ')})`);
    if (!SETTINGS.has(setting))
        fail(line, `lint rule ${id}: "${setting}" is not off, on, error, warning or notice`);
    config.rules.set(id, setting);
}
function fileIgnore(fields, file, line, fail, label = '') {
    for (const key of Object.keys(fields)) {
        if (!IGNORE_FIELDS.has(key))
            fail(line, `${label}unknown field "${key}" (expected ${[...IGNORE_FIELDS].join(', ')})`);
    }
    if (!fields.file)
        fail(line, `${label}"file" is required`);
    if (!fields.rule)
        fail(line, `${label}"rule" is required (a rule id or *)`);
    if (fields.rule !== '*' && !RULE_IDS.includes(fields.rule ?? ''))
        fail(line, `${label}unknown lint rule "${fields.rule}"`);
    if (!fields.reason)
        fail(line, `${label}"reason" is required: say why this migration is accepted`);
    if (fields.expires !== undefined && !(0,ignore_rules/* isDate */.$P)(fields.expires))
        fail(line, `${label}expires "${fields.expires}" is not a date YYYY-MM-DD`);
    return {
        file: fields.file ?? '',
        rule: fields.rule ?? '',
        reason: fields.reason ?? '',
        ...(fields.expires ? { expires: fields.expires } : {}),
        source: file,
        ...(line ? { line } : {}),
    };
}
/** The active file ignore covering `rule` in `file` on `day` (YYYY-MM-DD), if any. */
function fileIgnoreFor(config, file, rule, day) {
    return config.ignores.find((i) => (i.rule === '*' || i.rule === rule) && (i.expires === undefined || i.expires >= day) && (0,snapshot/* globMatches */.mw)(i.file, file));
}

;// CONCATENATED MODULE: ./lib/lint/operation.js
// What a migration does, read statically: one Operation per `op.*` call or raw SQL statement, in one shape for
// both sources so every rule is written once.
function tableName(t) {
    return t.schema ? `${t.schema}.${t.name}` : t.name;
}
/** Same table, compared the way PostgreSQL folds unquoted names; an unqualified name matches any schema. */
function sameTable(a, b) {
    if (a.name.toLowerCase() !== b.name.toLowerCase())
        return false;
    return a.schema === null || b.schema === null || a.schema.toLowerCase() === b.schema.toLowerCase();
}

// EXTERNAL MODULE: ./node_modules/@lezer/python/dist/index.js + 3 modules
var dist = __webpack_require__(1283);
;// CONCATENATED MODULE: ./lib/lint/python-syntax.js
function sourceText(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return {
        text,
        lineAt(offset) {
            let lo = 0;
            let hi = starts.length - 1;
            while (lo < hi) {
                const mid = (lo + hi + 1) >> 1;
                if (starts[mid] <= offset)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            return lo + 1;
        },
    };
}
/**
 * The source text of a node, as a string of its own. V8 answers a slice of 13 characters or more with a view into the
 * whole file; a table name or a call kept in a finding would then keep every linted file's text alive until the end
 * of `lint --all` (~10 MB on 2,000 revisions). Adding a character and slicing it off again copies the text.
 */
const textOf = (src, node) => node.to - node.from < 13 ? src.text.slice(node.from, node.to) : `${src.text.slice(node.from, node.to)} `.slice(0, -1);
/** Children of a node, tokens included. */
function children(node) {
    const out = [];
    for (let c = node.firstChild; c; c = c.nextSibling)
        out.push(c);
    return out;
}
/** `op.create_index` → "op.create_index"; `op.get_context().autocommit_block` → undefined (not a plain name). */
function dottedName(src, node) {
    if (!node)
        return undefined;
    if (node.name === 'VariableName')
        return textOf(src, node);
    if (node.name === 'MemberExpression') {
        const object = node.firstChild;
        const property = node.lastChild;
        if (!object || property?.name !== 'PropertyName')
            return undefined;
        const left = dottedName(src, object);
        return left === undefined ? undefined : `${left}.${textOf(src, property)}`;
    }
    return undefined;
}
/** Arguments of a CallExpression's ArgList. */
function callArgs(src, call) {
    const args = { positional: [], keywords: new Map(), starred: false };
    const list = call.getChild('ArgList');
    if (!list)
        return args;
    const parts = children(list);
    for (let i = 0; i < parts.length; i++) {
        const node = parts[i];
        if (node.name === '(' || node.name === ')' || node.name === ',')
            continue;
        if (node.name === '*' || node.name === '**') {
            args.starred = true;
            i++;
            continue;
        }
        const next = parts[i + 1];
        if (node.name === 'VariableName' && next?.name === 'AssignOp') {
            const value = parts[i + 2];
            if (value)
                args.keywords.set(textOf(src, node), value);
            i += 2;
            continue;
        }
        args.positional.push(node);
    }
    return args;
}
/** Argument by keyword, or else by position. */
function arg(args, position, keyword) {
    return args.keywords.get(keyword) ?? args.positional[position];
}
/** The value of a string literal (implicit concatenation included); undefined for anything else, f-strings too. */
function stringLiteral(src, node) {
    if (!node)
        return undefined;
    if (node.name === 'ContinuedString') {
        let out = '';
        for (const part of children(node)) {
            const value = stringLiteral(src, part);
            if (value === undefined)
                return undefined;
            out += value;
        }
        return out;
    }
    if (node.name !== 'String')
        return undefined;
    const raw = textOf(src, node);
    const prefix = /^[A-Za-z]*/.exec(raw)?.[0] ?? '';
    if (/[fF]/.test(prefix))
        return undefined;
    const body = raw.slice(prefix.length);
    const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
    const inner = body.slice(quote.length, body.length - quote.length);
    return /[rR]/.test(prefix) ? inner : unescapePython(inner);
}
const ESCAPES = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
function unescapePython(s) {
    return s.replace(/\\(\r?\n|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (m, c) => {
        if (c.startsWith('\n') || c.startsWith('\r'))
            return '';
        if (c.length > 1)
            return String.fromCharCode(Number.parseInt(c.slice(1), 16));
        return ESCAPES[c] ?? m;
    });
}
/** True/False literal; undefined otherwise. */
function boolLiteral(src, node) {
    if (node?.name !== 'Boolean')
        return undefined;
    return textOf(src, node) === 'True';
}
function numberLiteral(src, node) {
    if (node?.name !== 'Number')
        return undefined;
    const n = Number(textOf(src, node).replaceAll('_', ''));
    return Number.isFinite(n) ? n : undefined;
}
const isNone = (src, node) => node?.name === 'None' || (node !== undefined && textOf(src, node) === 'None');
/** The callee's last name part: `sa.Column(...)` → "Column"; undefined when not a call of a plain name. */
function calleeName(src, node) {
    if (node?.name !== 'CallExpression')
        return undefined;
    const name = dottedName(src, node.firstChild);
    return name?.slice(name.lastIndexOf('.') + 1);
}

;// CONCATENATED MODULE: ./lib/lint/python-bindings.js

const childEnv = (parent) => ({ names: new Map(), parent });
function lookup(env, name) {
    for (let e = env; e; e = e.parent) {
        const found = e.names.get(name);
        if (found)
            return found;
    }
    // A revision that uses `op` without importing it still means Alembic's op (Alembic injects nothing else).
    return name === 'op' ? [{ kind: 'op' }] : [];
}
/**
 * Binds a name in this scope. A statement run unconditionally replaces the binding; one under if/for/while/try adds
 * to it, so a name that may hold either value is followed as both (fail closed).
 */
function bind(env, name, value, conditional) {
    if (value.length === 0)
        return;
    const before = conditional ? (env.names.get(name) ?? []) : [];
    env.names.set(name, [...before, ...value]);
}
// Modules whose calls cannot run a migration's SQL: what a revision file normally imports. Everything else imported
// is "another module" whose code the lint does not read; calling into it is unreadable.
const INERT_MODULES = new Set([
    '__future__',
    'sqlalchemy',
    'sqlmodel',
    'geoalchemy2',
    'sqlalchemy_utils',
    'datetime',
    'decimal',
    'enum',
    'uuid',
    'json',
    're',
    'typing',
    'typing_extensions',
    'collections',
    'dataclasses',
    'functools',
    'itertools',
    'logging',
    'math',
    'string',
    'textwrap',
]);
/**
 * `alembic.op` however imported is op (`import alembic.op as o`, `from alembic.op import drop_table as dt`); the
 * package itself (`import alembic`, then `alembic.op.…`) is not followed, so calls through it are unreadable; other
 * alembic.* submodules are inert.
 */
function importedBinding(module, name) {
    const top = module.split('.')[0] ?? module;
    if ((module === 'alembic' && name === 'op') || (module === 'alembic.op' && name === null))
        return { kind: 'op' };
    if (module === 'alembic.op' && name !== null)
        return { kind: 'op-method', method: name };
    if (module === 'alembic' && name === null)
        return { kind: 'foreign', module };
    if (top === 'alembic' || INERT_MODULES.has(top))
        return { kind: 'inert' };
    return { kind: 'foreign', module: name ? `${module}.${name}` : module };
}
/** The bindings an ImportStatement makes: `import a.b as c`, `import a.b`, `from a import b as c, d`. */
function importBindings(src, node) {
    const parts = children(node);
    const out = [];
    if (parts[0]?.name === 'from') {
        const importAt = parts.findIndex((p) => p.name === 'import');
        const module = parts
            .slice(1, importAt)
            .map((p) => textOf(src, p))
            .join('');
        for (let i = importAt + 1; i < parts.length; i++) {
            const part = parts[i];
            if (part.name !== 'VariableName')
                continue;
            const name = textOf(src, part);
            const alias = parts[i + 1]?.name === 'as' ? parts[i + 2] : undefined;
            if (alias)
                i += 2;
            out.push([alias ? textOf(src, alias) : name, importedBinding(module, name)]);
        }
        return out;
    }
    // import a.b as c, d
    let dotted = [];
    for (let i = 1; i <= parts.length; i++) {
        const part = parts[i];
        if (part === undefined || part.name === ',') {
            if (dotted.length)
                out.push([dotted[0], importedBinding(dotted[0], null)]);
            dotted = [];
            continue;
        }
        if (part.name === 'VariableName')
            dotted.push(textOf(src, part));
        if (part.name === 'as') {
            const alias = parts[i + 1];
            if (alias)
                out.push([textOf(src, alias), importedBinding(dotted.join('.'), null)]);
            dotted = [];
            i++;
        }
    }
    return out;
}
/** The class's methods: plain, @staticmethod and @classmethod (cls bound to the class). */
function classBinding(src, node, env) {
    const name = textOf(src, node.getChild('VariableName') ?? node);
    const cls = { kind: 'class', node, name, methods: new Map() };
    for (const stmt of children(node.getChild('Body') ?? node)) {
        const def = stmt.name === 'DecoratedStatement' ? stmt.getChild('FunctionDefinition') : stmt;
        if (def?.name !== 'FunctionDefinition')
            continue;
        const decorators = stmt.name === 'DecoratedStatement' ? stmt.getChildren('Decorator').map((d) => textOf(src, d)) : [];
        const method = textOf(src, def.getChild('VariableName') ?? def);
        const classMethod = decorators.some((d) => /^@classmethod\b/.test(d));
        cls.methods.set(method, {
            kind: 'function',
            node: def,
            env,
            name: `${name}.${method}`,
            ...(classMethod ? { bindFirst: cls } : {}),
        });
    }
    return cls;
}
/** Parameter names of a FunctionDefinition or LambdaExpression, in order; `*`/`**` ones are left out. */
function paramNames(src, fn) {
    const list = fn.getChild('ParamList');
    if (!list)
        return [];
    const names = [];
    const parts = children(list);
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const previous = parts[i - 1]?.name;
        if (part.name === 'VariableName' && previous !== 'AssignOp' && previous !== '*' && previous !== '**')
            names.push(textOf(src, part));
    }
    return names;
}
/** `getattr(x, "name")` → [x, "name"]; the name is undefined when it is not a literal. */
function getattrParts(src, call) {
    const callee = call.firstChild;
    if (call.name !== 'CallExpression' || callee?.name !== 'VariableName' || textOf(src, callee) !== 'getattr')
        return null;
    const args = children(call.getChild('ArgList') ?? call).filter((n) => !['(', ')', ','].includes(n.name));
    return { object: args[0], name: stringLiteral(src, args[1]) };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./lib/lint/sql-reader.js
// Raw SQL of `op.execute("…")` through PostgreSQL's own parser (libpg-query, WebAssembly): each statement becomes the
// same Operation an `op.*` call would, so one set of rules covers both. Unparseable SQL is unreadable, not guessed.
// Operations are written with the spread last, `{ kind, …, ...base }`: see python-reader.ts for why.



let loaded = null;
let parser = null;
let plpgsqlParser = null;
/** Thrown when SQL is met before loadSqlParser() has finished: the caller loads it and reads the file again. */
class SqlParserNotLoaded extends Error {
    constructor() {
        super('internal: the SQL parser is not loaded (await loadSqlParser() first)');
    }
}
/** Loads the parser's WebAssembly once; call before readSql, or on SqlParserNotLoaded. */
async function loadSqlParser() {
    loaded ??= importParser();
    const lib = await loaded;
    parser = lib.parseSync;
    plpgsqlParser = lib.parsePlPgSQLSync;
}
/** Whether readSql can run (the lint loads the parser only for a migration that has SQL). */
function sqlParserLoaded() {
    return parser !== null;
}
function parseSync(sql) {
    if (parser === null)
        throw new SqlParserNotLoaded();
    return parser(sql);
}
// libpg-query's Emscripten loader finds libpg-query.wasm through __dirname, which the ESM bundle (dist/) lacks; the
// build copies the .wasm beside the bundle, so for the import the loader is given the bundle's folder. Unbundled,
// the package's CommonJS entry has its own __dirname and this global is never read.
//
// V8 compiles WebAssembly with its baseline compiler (Liftoff) and then recompiles the hot functions with TurboFan.
// For the parser's 1.7 MB module that second tier is the largest part of its cost: measured on 20,000 statements,
// peak RSS +53 MB with it and +10 MB without, and the CPU of the first 5,000 parses 550 ms with it, 190 ms without:
// the recompilation costs more than it saves at a lint's scale. The flag cannot be scoped to this module (V8 reads
// it while the code runs: set back after the load, the tier-up came back), so it is process-wide: PGlite's
// WebAssembly, when loaded after, runs on the baseline too (measured: its start-up then costs less CPU and memory
// as well). An unknown flag in another Node would only print a warning on stderr.
async function importParser() {
    external_node_v8_.setFlagsFromString('--liftoff-only');
    const global = globalThis;
    const shim = global.__dirname === undefined;
    // path.dirname of this module's file: `new URL('.', import.meta.url)` would be taken by ncc for an asset.
    if (shim)
        global.__dirname = external_node_path_.dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    try {
        const lib = await __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 19));
        await lib.loadModule();
        return lib;
    }
    finally {
        if (shim)
            delete global.__dirname;
    }
}
// SQL inside DO blocks, functions and EXECUTE literals nested deeper than this is reported unreadable.
const MAX_SQL_DEPTH = 4;
/** The operations of a SQL text, or why it cannot be read. */
function readSql(sql, ctx) {
    let stmts;
    try {
        stmts = parseSync(sql).stmts ?? [];
    }
    catch (error) {
        if (error instanceof SqlParserNotLoaded)
            throw error;
        const message = error instanceof Error ? error.message : String(error);
        const unreadable = [{ line: ctx.lineAt(0), message: `SQL could not be parsed: ${message}` }];
        return { operations: [], unreadable, leaves: null };
    }
    const operations = [];
    const unreadable = [];
    // Several statements in one string are one implicit transaction block, even outside Alembic's transaction.
    const transaction = stmts.length > 1 ? 'statement-list' : ctx.transaction;
    let leaves = null;
    for (const raw of stmts) {
        ctx.checkpoint?.();
        const offset = raw.stmt_location ?? 0;
        // Leading blank lines and comments belong to the statement's span; its line is the first with code.
        const start = offset + leadingSpace(sql, offset);
        const base = { line: ctx.lineAt(start), transaction };
        const stmt = raw.stmt;
        const length = raw.stmt_len;
        const text = () => sql.slice(offset, length ? offset + length : sql.length);
        operations.push(...statementOperations(stmt, base));
        if (stmt.DoStmt || stmt.CreateFunctionStmt) {
            routine(stmt, text, base, ctx, operations, unreadable);
        }
        else if (ctx.functions?.size) {
            for (const name of calledFunctions(stmt)) {
                const body = ctx.functions.get(name);
                if (!body)
                    continue;
                for (const op of body.operations)
                    operations.push({ ...op, ...base, call: `${op.call} (in ${name}())` });
                for (const message of body.unreadable)
                    unreadable.push({ line: base.line, message: `${name}(): ${message}` });
            }
        }
        leaves = transactionEffect(stmt) ?? leaves;
    }
    return { operations, unreadable, leaves };
}
/** Length of the white space at `offset` (a statement's span starts with it), without copying the rest. */
function leadingSpace(sql, offset) {
    let i = offset;
    while (i < sql.length && /\s/.test(sql[i]))
        i++;
    return i - offset;
}
/**
 * A DO block (run now) or a CREATE FUNCTION/PROCEDURE (run where it is called, so kept in ctx.functions): the
 * statements of its body, and the text its EXECUTEs run when that text is a literal; any other EXECUTE is unreadable.
 */
function routine(stmt, text, base, ctx, operations, unreadable) {
    const doBlock = stmt.DoStmt;
    const fn = stmt.CreateFunctionStmt;
    const options = (doBlock ? doBlock.args : fn?.options) ?? [];
    const option = (name) => options.map((o) => o.DefElem).find((d) => d?.defname === name)?.arg;
    const language = String(option('language')?.String?.sval ?? 'plpgsql');
    const names = (fn?.funcname ?? []).map((n) => String(n.String.sval));
    const what = doBlock ? 'DO block' : `${fn?.is_procedure ? 'procedure' : 'function'} ${names.join('.')}`;
    const body = { operations: [], unreadable: [] };
    const depth = (ctx.depth ?? 0) + 1;
    const nested = (sqlText) => {
        if (depth > MAX_SQL_DEPTH) {
            body.unreadable.push(`SQL nested deeper than ${MAX_SQL_DEPTH} levels in the ${what} is not read`);
            return;
        }
        const read = readSql(sqlText, {
            lineAt: () => base.line,
            transaction: base.transaction,
            functions: ctx.functions,
            depth,
        });
        body.operations.push(...read.operations);
        body.unreadable.push(...read.unreadable.map((u) => u.message));
    };
    if (language === 'sql' && fn) {
        const source = option('as')?.List?.items;
        const sqlBody = source?.[0]?.String?.sval;
        if (typeof sqlBody === 'string')
            nested(sqlBody);
        else if (fn.sql_body === undefined)
            body.unreadable.push(`the body of the ${what} could not be read`);
    }
    else if (language !== 'plpgsql') {
        body.unreadable.push(`the ${what} is written in LANGUAGE ${language}, which the lint cannot read`);
    }
    else {
        let parsed;
        try {
            if (plpgsqlParser === null)
                throw new SqlParserNotLoaded();
            parsed = plpgsqlParser(text());
        }
        catch (error) {
            if (error instanceof SqlParserNotLoaded)
                throw error;
            body.unreadable.push(`the ${what}'s PL/pgSQL could not be parsed: ${error.message}`);
        }
        if (parsed !== undefined)
            plpgsqlStatements(parsed, what, nested, body);
    }
    if (doBlock) {
        for (const op of body.operations)
            operations.push({ ...op, ...base, call: `${op.call} (in a DO block)` });
        for (const message of body.unreadable)
            unreadable.push({ line: base.line, message });
    }
    else if (ctx.functions && names.length) {
        ctx.functions.set(names.at(-1).toLowerCase(), body);
    }
}
// PL/pgSQL statements that run SQL text given as an expression (EXECUTE, FOR … IN EXECUTE, OPEN … FOR EXECUTE,
// RETURN QUERY EXECUTE).
const DYNAMIC_SQL = new Set([
    'PLpgSQL_stmt_dynexecute',
    'PLpgSQL_stmt_dynfors',
    'PLpgSQL_stmt_open',
    'PLpgSQL_stmt_return_query',
]);
function plpgsqlStatements(node, what, nested, body) {
    if (Array.isArray(node)) {
        for (const item of node)
            plpgsqlStatements(item, what, nested, body);
        return;
    }
    if (!node || typeof node !== 'object')
        return;
    for (const [key, value] of Object.entries(node)) {
        const v = value;
        const query = (expr) => expr?.PLpgSQL_expr?.query;
        if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_perform') {
            const sql = query(v.sqlstmt ?? v.expr);
            if (sql !== undefined)
                nested(sql);
            continue;
        }
        if (DYNAMIC_SQL.has(key)) {
            const expr = query(v.query ?? v.dynquery);
            if (expr !== undefined) {
                const literal = sqlStringLiteral(expr);
                if (literal === undefined)
                    body.unreadable.push(`EXECUTE in the ${what} runs SQL built at run time (${expr.length > 60 ? `${expr.slice(0, 57)}…` : expr}), which the lint cannot read`);
                else
                    nested(literal);
            }
        }
        plpgsqlStatements(value, what, nested, body);
    }
}
/** The value of a SQL expression that is one string literal ('…' or $$…$$); undefined for anything else. */
function sqlStringLiteral(expr) {
    try {
        const parsed = parseSync(`SELECT ${expr}`);
        const select = parsed.stmts?.[0]?.stmt?.SelectStmt;
        const targets = select?.targetList ?? [];
        if (targets.length !== 1 || (parsed.stmts?.length ?? 0) !== 1)
            return undefined;
        const value = targets[0]?.ResTarget?.val?.A_Const;
        const sval = value?.sval?.sval;
        return typeof sval === 'string' ? sval : undefined;
    }
    catch (error) {
        if (error instanceof SqlParserNotLoaded)
            throw error;
        return undefined;
    }
}
/** Lower-case names of the functions a statement calls (CALL included). */
function calledFunctions(stmt) {
    const names = [];
    collectFunctions(stmt, names);
    const call = stmt.CallStmt?.funccall;
    if (call)
        collectFunctions({ FuncCall: call }, names);
    return names;
}
/** COMMIT, END and ROLLBACK end the transaction (AND CHAIN begins the next); BEGIN and START TRANSACTION begin one. */
function transactionEffect(stmt) {
    const tx = stmt.TransactionStmt;
    if (!tx)
        return null;
    if (tx.kind === 'TRANS_STMT_BEGIN' || tx.kind === 'TRANS_STMT_START')
        return 'transaction';
    if (tx.kind === 'TRANS_STMT_COMMIT' || tx.kind === 'TRANS_STMT_ROLLBACK')
        return tx.chain === true ? 'transaction' : 'outside-transaction';
    return null;
}
function statementOperations(stmt, base) {
    const [type, body] = Object.entries(stmt)[0];
    switch (type) {
        case 'CreateStmt':
            return [
                {
                    kind: 'create-table',
                    call: 'CREATE TABLE',
                    table: relation(body.relation),
                    guarded: body.if_not_exists === true,
                    ...base,
                },
            ];
        case 'DropdbStmt':
            return [{ kind: 'drop-database', call: 'DROP DATABASE', table: null, database: String(body.dbname), ...base }];
        case 'IndexStmt':
            return [
                {
                    kind: 'create-index',
                    call: `CREATE ${body.unique ? 'UNIQUE ' : ''}INDEX${body.concurrent ? ' CONCURRENTLY' : ''}`,
                    table: relation(body.relation),
                    concurrently: body.concurrent === true,
                    unique: body.unique === true,
                    guarded: body.if_not_exists === true,
                    ...base,
                },
            ];
        case 'DropStmt':
            return dropOperations(body, base);
        case 'AlterTableStmt':
            if (body.objtype !== 'OBJECT_TABLE')
                return [];
            return (body.cmds ?? []).flatMap((c) => alterTableCommand(c.AlterTableCmd, relation(body.relation), base));
        case 'RenameStmt':
            if (body.renameType === 'OBJECT_COLUMN' && body.relationType === 'OBJECT_TABLE')
                return [
                    {
                        kind: 'rename-column',
                        call: 'ALTER TABLE … RENAME COLUMN',
                        table: relation(body.relation),
                        column: String(body.subname),
                        to: String(body.newname),
                        ...base,
                    },
                ];
            if (body.renameType === 'OBJECT_TABLE')
                return [
                    {
                        kind: 'rename-table',
                        call: 'ALTER TABLE … RENAME TO',
                        table: relation(body.relation),
                        to: String(body.newname),
                        ...base,
                    },
                ];
            return [];
        case 'UpdateStmt':
        case 'DeleteStmt':
            return [
                {
                    kind: 'data-change',
                    statement: type === 'UpdateStmt' ? 'UPDATE' : 'DELETE',
                    call: type === 'UpdateStmt' ? 'UPDATE' : 'DELETE',
                    table: relation(body.relation),
                    bounded: body.whereClause !== undefined,
                    ...base,
                },
            ];
        case 'VariableSetStmt':
            return body.name === 'lock_timeout' && body.kind === 'VAR_SET_VALUE'
                ? [{ kind: 'set-lock-timeout', call: 'SET lock_timeout', table: null, ...base }]
                : [];
        default:
            return [];
    }
}
function dropOperations(body, base) {
    const names = (body.objects ?? []).map((o) => (o.List?.items ?? []).map((i) => String(i.String.sval)));
    const ref = (parts) => ({
        schema: parts.length > 1 ? parts.at(-2) : null,
        name: parts.at(-1) ?? '',
    });
    if (body.removeType === 'OBJECT_TABLE')
        return names.map((n) => ({
            kind: 'drop-table',
            call: 'DROP TABLE',
            table: ref(n),
            guarded: body.missing_ok === true,
            ...base,
        }));
    if (body.removeType === 'OBJECT_INDEX')
        return names.map(() => ({
            kind: 'drop-index',
            call: `DROP INDEX${body.concurrent ? ' CONCURRENTLY' : ''}`,
            table: null,
            concurrently: body.concurrent === true,
            guarded: body.missing_ok === true,
            ...base,
        }));
    return [];
}
function alterTableCommand(cmd, table, base) {
    const at = { table, ...base };
    const column = String(cmd.name ?? '');
    switch (cmd.subtype) {
        case 'AT_AddColumn': {
            const def = cmd.def.ColumnDef;
            const constraints = (def.constraints ?? []).map((c) => c.Constraint);
            const typeName = typeSpec(def.typeName);
            const dflt = constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
            return [
                {
                    kind: 'add-column',
                    call: 'ALTER TABLE … ADD COLUMN',
                    column: String(def.colname),
                    notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'),
                    default: dflt ? classifyDefault(dflt.raw_expr) : { kind: 'none' },
                    foreignKey: constraints.some((c) => c.contype === 'CONSTR_FOREIGN' && c.skip_validation !== true),
                    serial: typeName !== null && /^(small|big)?serial[248]?$/.test(typeName.name),
                    primaryKey: constraints.some((c) => c.contype === 'CONSTR_PRIMARY'),
                    guarded: cmd.missing_ok === true,
                    ...at,
                },
            ];
        }
        case 'AT_SetNotNull':
            return [{ kind: 'set-not-null', call: 'ALTER COLUMN … SET NOT NULL', column, ...at }];
        case 'AT_DropNotNull':
            return [{ kind: 'drop-not-null', call: 'ALTER COLUMN … DROP NOT NULL', column, ...at }];
        case 'AT_AlterColumnType': {
            const def = cmd.def.ColumnDef;
            return [
                {
                    kind: 'alter-type',
                    call: 'ALTER COLUMN … TYPE',
                    column,
                    to: typeSpec(def.typeName),
                    from: null,
                    ...at,
                },
            ];
        }
        case 'AT_DropColumn':
            return [
                { kind: 'drop-column', call: 'ALTER TABLE … DROP COLUMN', column, guarded: cmd.missing_ok === true, ...at },
            ];
        case 'AT_AddConstraint': {
            const c = cmd.def.Constraint;
            const notValid = c.skip_validation === true;
            if (c.contype === 'CONSTR_FOREIGN')
                return [{ kind: 'add-foreign-key', call: 'ADD CONSTRAINT … FOREIGN KEY', notValid, ...at }];
            if (c.contype === 'CONSTR_CHECK')
                return [{ kind: 'add-check', call: 'ADD CONSTRAINT … CHECK', notValid, ...at }];
            if (c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY') {
                const primaryKey = c.contype === 'CONSTR_PRIMARY';
                return [
                    {
                        kind: 'add-unique',
                        call: `ADD CONSTRAINT … ${primaryKey ? 'PRIMARY KEY' : 'UNIQUE'}`,
                        usingIndex: typeof c.indexname === 'string',
                        primaryKey,
                        ...at,
                    },
                ];
            }
            return [];
        }
        default:
            return [];
    }
}
function relation(value) {
    const r = value;
    if (!r || typeof r.relname !== 'string')
        return null;
    return { schema: typeof r.schemaname === 'string' ? r.schemaname : null, name: r.relname };
}
/** `varchar(20)` → {varchar, 20}; `pg_catalog.int8` → {int8}. */
function typeSpec(typeName) {
    const names = typeName?.names ?? [];
    const last = names.at(-1)?.String;
    if (!last)
        return null;
    const mod = (typeName?.typmods ?? [])[0]?.A_Const;
    const size = mod?.ival?.ival;
    return { name: String(last.sval).toLowerCase(), size: typeof size === 'number' ? size : null };
}
// Volatile functions force PostgreSQL to rewrite the table when they are a new column's default; stable ones
// (now(), CURRENT_TIMESTAMP) are evaluated once and stored in the catalog since PostgreSQL 11.
const VOLATILE = new Set([
    'random',
    'gen_random_uuid',
    'uuid_generate_v1',
    'uuid_generate_v1mc',
    'uuid_generate_v4',
    'clock_timestamp',
    'timeofday',
    'nextval',
    'txid_current',
    'setseed',
]);
const STABLE = new Set([
    'now',
    'transaction_timestamp',
    'statement_timestamp',
    'current_timestamp',
    'localtimestamp',
    'current_date',
    'current_user',
    'current_setting',
    'to_timestamp',
    'lower',
    'upper',
    'coalesce',
    'jsonb_build_object',
    'json_build_object',
    'array',
]);
/** Classifies a default expression: constant or stable (stored once), volatile (rewrite), or not knowable. */
function classifyDefault(expr) {
    if (!expr)
        return { kind: 'none' };
    const functions = [];
    collectFunctions(expr, functions);
    const volatile = functions.find((f) => VOLATILE.has(f));
    if (volatile)
        return { kind: 'volatile', fn: volatile };
    const unknown = functions.find((f) => !STABLE.has(f));
    if (unknown)
        return { kind: 'unknown', what: `${unknown}()` };
    return { kind: 'stable' };
}
function collectFunctions(node, out) {
    if (Array.isArray(node)) {
        for (const item of node)
            collectFunctions(item, out);
        return;
    }
    if (!node || typeof node !== 'object')
        return;
    const fn = node.FuncCall;
    if (fn) {
        const names = fn.funcname ?? [];
        out.push(String(names.at(-1)?.String?.sval ?? '').toLowerCase());
    }
    for (const value of Object.values(node))
        collectFunctions(value, out);
}
// The same few defaults (`sa.text("false")`, `sa.func.now()`) recur in nearly every migration of a tree; each
// answer depends on the text alone, so it is parsed once. Bounded, so a tree of distinct defaults cannot grow it.
const DEFAULT_CACHE_SIZE = 1_000;
const classifiedDefaults = new Map();
/** A default given as SQL text (`server_default=sa.text("gen_random_uuid()")`), classified. */
function classifySqlDefault(sql) {
    const known = classifiedDefaults.get(sql);
    if (known)
        return known;
    const kind = Object.freeze(classifyDefaultText(sql));
    if (classifiedDefaults.size < DEFAULT_CACHE_SIZE)
        classifiedDefaults.set(sql, kind);
    return kind;
}
function classifyDefaultText(sql) {
    try {
        const parsed = parseSync(`SELECT ${sql}`);
        const select = parsed.stmts?.[0]?.stmt?.SelectStmt;
        const targets = select?.targetList ?? [];
        const target = targets[0]?.ResTarget;
        if (!target || targets.length !== 1)
            return { kind: 'unknown', what: sql };
        return classifyDefault(target.val);
    }
    catch (error) {
        if (error instanceof SqlParserNotLoaded)
            throw error;
        return { kind: 'unknown', what: sql };
    }
}

;// CONCATENATED MODULE: ./lib/lint/python-reader.js




const IGNORE_COMMENT = /^#\s*schema-drift:\s*ignore\[([^\]]*)\]\s*(.*)$/;
/** How deep calls are followed, and how many in all per file, before the rest is reported unreadable. */
const MAX_DEPTH = 8;
const MAX_FOLLOWS = 500;
/** Builtins that run code or reach names the file does not spell. */
const DYNAMIC_BUILTINS = new Set(['exec', 'eval', 'compile', '__import__', 'globals', 'locals', 'vars', 'setattr']);
/** Attributes of `op` that run operations through objects the lint does not read. */
const OPAQUE_OP_NAMES = new Set(['impl', 'invoke', 'run_async', 'migration_context']);
/** Attributes of op that reach Alembic's implementation: the named ones, and any private or dunder one
 * (`op.__getattribute__("drop_table")`, `op.__dict__[…]`, `op._proxy`), which can reach every operation by name. */
const opaqueOp = (name) => OPAQUE_OP_NAMES.has(name) || name.startsWith('_');
/** Statements whose bodies may or may not run: a name bound in them adds to its binding instead of replacing it. */
const CONDITIONAL = new Set(['IfStatement', 'ForStatement', 'WhileStatement', 'TryStatement', 'MatchStatement']);
/**
 * The operations of one migration file's `upgrade()`; throws SqlParserNotLoaded on SQL before loadSqlParser().
 * `checkpoint` is called between statements of long SQL and between followed calls: it throws to stop the read.
 */
function readMigrationOperations(text, checkpoint) {
    const src = sourceText(text);
    const tree = dist/* parser */.K.parse(text);
    const out = { operations: [], unreadable: [], ignores: [], hasUpgrade: false };
    const w = {
        src,
        out,
        depth: 0,
        follows: 0,
        stack: new Set(),
        followed: new Set(),
        pending: [],
        limitReported: false,
    };
    const module = childEnv(null);
    const scope = {
        autocommit: false,
        session: { committed: false, functions: new Map(), ...(checkpoint ? { checkpoint } : {}) },
    };
    // The module's statements in order: imports, definitions, rebindings of upgrade, and whatever runs at import.
    for (const node of children(tree.topNode))
        walk(w, node, { env: module, scope, conditional: false, reached: false });
    const upgrade = module.names.get('upgrade') ?? [];
    out.hasUpgrade = upgrade.length > 0;
    for (const b of upgrade)
        callBinding(w, b, 'upgrade', tree.topNode, { env: module, scope, conditional: false, reached: true }, [], new Map());
    // A function defined in code upgrade() runs, but called only by something the lint cannot see (a callback, a
    // container): read as if it ran.
    while (w.pending.length) {
        const fn = w.pending.pop();
        if (!w.followed.has(fn.node))
            follow(w, fn, { env: fn.env, scope, conditional: false, reached: true }, [], new Map(), fn.node);
    }
    const cursor = tree.cursor();
    do {
        if (cursor.type.isError) {
            out.unreadable.push({
                line: src.lineAt(cursor.from),
                message: 'Python syntax error: operations near it may be missed',
            });
            break;
        }
        if (cursor.name === 'Comment') {
            const match = IGNORE_COMMENT.exec(textOf(src, cursor.node));
            if (match)
                out.ignores.push(inlineIgnore(src, cursor.node, match));
        }
    } while (cursor.next());
    return out;
}
function inlineIgnore(src, comment, match) {
    return {
        line: src.lineAt(comment.from) + 1,
        rules: (match[1] ?? '')
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
        reason: (match[2] ?? '').trim(),
    };
}
const python_reader_short = (text) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, ' ');
function unreadable(w, node, message) {
    w.out.unreadable.push({ line: w.src.lineAt(node.from), message });
}
const isOpLike = (b) => b.kind === 'op' || b.kind === 'op-method';
function walk(w, node, frame) {
    switch (node.name) {
        case 'FunctionDefinition':
        case 'ClassDefinition':
        case 'DecoratedStatement':
            python_reader_define(w, node, frame);
            return;
        case 'LambdaExpression': {
            const fn = { kind: 'function', node, env: frame.env, name: 'lambda' };
            if (frame.reached)
                w.pending.push(fn);
            return;
        }
        case 'ImportStatement':
            for (const [name, b] of importBindings(w.src, node))
                bind(frame.env, name, [b], frame.conditional);
            return;
        case 'AssignStatement':
            python_reader_assign(w, node, frame);
            return;
        case 'WithStatement':
            walkWith(w, node, frame);
            return;
        case 'CallExpression':
            call(w, node, frame);
            return;
        case 'VariableName': {
            const name = textOf(w.src, node);
            if (lookup(frame.env, name).some(isOpLike))
                unreadable(w, node, `\`${name}\` (an Alembic operation) is used as a value here, so what it runs cannot be followed`);
            return;
        }
        case 'MemberExpression':
            member(w, node, frame);
            return;
        case 'ArgList':
            walkArgs(w, node, frame, null);
            return;
    }
    const inner = CONDITIONAL.has(node.name) && !frame.conditional ? { ...frame, conditional: true } : frame;
    for (let c = node.firstChild; c; c = c.nextSibling)
        walk(w, c, inner);
}
/** Walks call arguments, leaving out keyword names and the arguments `skip` says are bound elsewhere. */
function walkArgs(w, list, frame, skip) {
    for (let c = list.firstChild; c; c = c.nextSibling) {
        if (c.name === 'VariableName' && c.nextSibling?.name === 'AssignOp')
            continue;
        if (!skip?.has(c.from))
            walk(w, c, frame);
    }
}
/** `def`, `class`, and either decorated: binds the name; a function defined in reached code is pending. */
function python_reader_define(w, node, frame) {
    const def = node.name === 'DecoratedStatement'
        ? (node.getChild('FunctionDefinition') ?? node.getChild('ClassDefinition'))
        : node;
    if (!def)
        return;
    const name = textOf(w.src, def.getChild('VariableName') ?? def);
    let value;
    if (def.name === 'ClassDefinition') {
        value = classBinding(w.src, def, frame.env);
        // The class body's own statements run at definition.
        const classFrame = { ...frame, env: childEnv(frame.env) };
        for (const stmt of children(def.getChild('Body') ?? def))
            if (stmt.name !== 'FunctionDefinition' && stmt.name !== 'DecoratedStatement')
                walk(w, stmt, classFrame);
    }
    else {
        const fn = { kind: 'function', node: def, env: frame.env, name };
        if (frame.reached)
            w.pending.push(fn);
        value = fn;
    }
    if (node.name === 'DecoratedStatement') {
        const decorators = node.getChildren('Decorator');
        for (let i = decorators.length - 1; i >= 0; i--)
            value = decorate(w, decorators[i], value, frame);
    }
    bind(frame.env, name, [value], frame.conditional);
}
// Decorators that return the function they are given (or a wrapper that only calls it).
const TRANSPARENT_DECORATORS = new Set(['staticmethod', 'classmethod', 'property', 'functools.wraps', 'wraps']);
/** What a decorator makes of a function: itself, a decorator of the file followed on it, or unknown. */
function decorate(w, decorator, value, frame) {
    const names = decorator.getChildren('VariableName').map((n) => textOf(w.src, n));
    const dotted = names.join('.');
    const args = decorator.getChild('ArgList');
    if (args)
        walk(w, args, frame);
    if (TRANSPARENT_DECORATORS.has(dotted))
        return value;
    const local = names.length === 1 && !args ? lookup(frame.env, dotted).find((b) => b.kind === 'function') : undefined;
    if (local?.kind === 'function')
        return { kind: 'decorated', decorator: local, inner: value };
    return {
        kind: 'unknown',
        what: `the decorator ${python_reader_short(textOf(w.src, decorator).trim())}, which the lint cannot see through`,
        line: w.src.lineAt(decorator.from),
    };
}
/** `x = …`: binds names to what the lint can follow; anything else in the value is walked. */
function python_reader_assign(w, node, frame) {
    const parts = children(node);
    let last = -1;
    for (let i = 0; i < parts.length; i++)
        if (parts[i]?.name === 'AssignOp')
            last = i;
    const targets = parts.slice(0, last).filter((p) => p.name !== 'AssignOp');
    const values = parts.slice(last + 1);
    const value = values.length === 1 ? values[0] : undefined;
    const plain = targets.length > 0 && targets.every((t) => t.name === 'VariableName');
    if (!value || !plain || last < 0) {
        for (const p of parts)
            if (p.name !== 'VariableName' || parts.indexOf(p) > last)
                walk(w, p, frame);
        return;
    }
    const resolved = resolve(w, value, frame);
    const tracked = resolved.some((b) => b.kind !== 'unknown');
    if (value.name === 'CallExpression')
        call(w, value, frame);
    else if (!tracked)
        walk(w, value, frame);
    const bound = tracked
        ? resolved
        : [{ kind: 'unknown', what: `\`${python_reader_short(textOf(w.src, value))}\``, line: w.src.lineAt(value.from) }];
    for (const t of targets)
        bind(frame.env, textOf(w.src, t), bound, frame.conditional);
}
/** What an expression evaluates to, as far as bindings go; empty when not known. */
function resolve(w, node, frame) {
    switch (node.name) {
        case 'VariableName':
            return lookup(frame.env, textOf(w.src, node));
        case 'ParenthesizedExpression': {
            const inner = node.firstChild?.nextSibling;
            return inner ? resolve(w, inner, frame) : [];
        }
        case 'LambdaExpression':
            return [{ kind: 'function', node, env: frame.env, name: 'lambda' }];
        case 'MemberExpression': {
            const object = node.firstChild;
            const property = node.lastChild;
            if (!object || property?.name !== 'PropertyName')
                return [];
            return attribute(resolve(w, object, frame), textOf(w.src, property));
        }
        case 'CallExpression': {
            const got = getattrParts(w.src, node);
            if (got)
                return got.object && got.name !== undefined ? attribute(resolve(w, got.object, frame), got.name) : [];
            const callee = node.firstChild;
            if (!callee)
                return [];
            return resolve(w, callee, frame).flatMap((b) => b.kind === 'class' ? [{ kind: 'instance', of: b }] : []);
        }
        default:
            return [];
    }
}
function attribute(objects, name) {
    return objects.flatMap((b) => {
        switch (b.kind) {
            case 'op':
                return [{ kind: 'op-method', method: name }];
            case 'class': {
                const method = b.methods.get(name);
                return method ? [method] : [];
            }
            case 'instance': {
                const method = b.of.methods.get(name);
                if (method?.kind !== 'function')
                    return [];
                return [method.bindFirst ? method : { ...method, bindFirst: b }];
            }
            case 'foreign':
                return [{ kind: 'foreign', module: `${b.module}.${name}` }];
            case 'inert':
                return [b];
            default:
                return [];
        }
    });
}
/** An attribute read outside a call: `op.impl…` is unreadable, an operation kept as a value cannot be followed. */
function member(w, node, frame) {
    const object = node.firstChild;
    const property = node.lastChild;
    if (!object)
        return;
    if (property?.name === 'PropertyName' && resolve(w, object, frame).some((b) => b.kind === 'op')) {
        const name = textOf(w.src, property);
        unreadable(w, node, opaqueOp(name)
            ? `\`${python_reader_short(textOf(w.src, node))}\` reaches Alembic's implementation, whose operations the lint does not read`
            : `\`${python_reader_short(textOf(w.src, node))}\` is used as a value here, so what it runs cannot be followed`);
        return;
    }
    if (object.name !== 'VariableName')
        walk(w, object, frame);
}
function call(w, node, frame) {
    const { src } = w;
    const callee = node.firstChild;
    const argList = node.getChild('ArgList');
    if (!callee)
        return;
    const got = getattrParts(src, node);
    if (got) {
        if (got.name === undefined)
            unreadable(w, node, `\`${python_reader_short(textOf(src, node))}\` fetches an attribute whose name is not a literal, so what it runs cannot be read`);
        else if (got.object && !resolve(w, got.object, frame).some(isOpLike))
            walk(w, got.object, frame);
        return;
    }
    if (callee.name === 'VariableName' &&
        DYNAMIC_BUILTINS.has(textOf(src, callee)) &&
        lookup(frame.env, textOf(src, callee)).length === 0) {
        unreadable(w, node, `\`${python_reader_short(textOf(src, node))}\` runs code the lint cannot read`);
        return;
    }
    let memberValues;
    if (callee.name === 'MemberExpression') {
        const property = callee.lastChild;
        const method = property?.name === 'PropertyName' ? textOf(src, property) : '';
        const object = callee.firstChild;
        const objects = resolve(w, object, frame);
        const batch = objects.find((b) => b.kind === 'batch');
        const opaque = objects.some((b) => b.kind === 'op-method' && opaqueOp(b.method));
        if ((objects.some((b) => b.kind === 'op') && opaqueOp(method)) || opaque) {
            unreadable(w, node, `\`${python_reader_short(textOf(src, callee))}(…)\` runs operations through Alembic's implementation, which the lint does not read`);
            return;
        }
        if (method === 'execute' || method === 'exec_driver_sql') {
            if (object.name !== 'VariableName')
                walk(w, object, frame);
            readExecute(src, node, frame.scope, w.out);
            return;
        }
        if (objects.some((b) => b.kind === 'op') || batch) {
            const fixed = batch?.kind === 'batch' ? batch.table : undefined;
            operation(w, node, method, `${textOf(src, object)}.${method}`, fixed, frame);
            if (argList)
                walk(w, argList, frame);
            return;
        }
        if (objects.length === 0 && object.name !== 'VariableName')
            walk(w, object, frame);
        memberValues = property?.name === 'PropertyName' ? attribute(objects, method) : [];
    }
    const values = memberValues ?? resolve(w, callee, frame);
    if (values.length === 0 && callee.name !== 'VariableName' && callee.name !== 'MemberExpression')
        walk(w, callee, frame);
    // Calls of sqlalchemy constructors and the like (most calls in a revision) bind nothing and are only walked into.
    const takesArgs = values.some((b) => b.kind === 'function' || b.kind === 'decorated' || b.kind === 'class' || b.kind === 'foreign');
    if (!takesArgs) {
        for (const b of values)
            if (b.kind !== 'inert')
                callBinding(w, b, textOf(src, callee), node, frame, [], NO_KEYWORDS);
        if (argList)
            walkArgs(w, argList, frame, null);
        return;
    }
    const positional = [];
    const keywords = new Map();
    // Arguments bound to a followed function's parameters, or handed to code already reported unreadable, are not
    // reported again as values used where they cannot be followed. (Nodes are compared by offset: lezer makes a new
    // object for each visit.)
    const boundArgs = new Set();
    if (argList) {
        const args = callArgs(src, node);
        const track = (a) => {
            const v = resolve(w, a, frame);
            if (v.some((b) => b.kind !== 'unknown' && b.kind !== 'inert'))
                boundArgs.add(a.from);
            return v;
        };
        args.positional.forEach((a, i) => {
            positional[i] = track(a);
        });
        for (const [k, a] of args.keywords)
            keywords.set(k, track(a));
    }
    for (const b of values)
        callBinding(w, b, textOf(src, callee), node, frame, positional, keywords);
    if (argList)
        walkArgs(w, argList, frame, boundArgs);
}
const NO_KEYWORDS = new Map();
/** Calls what a name is bound to. */
function callBinding(w, b, name, at, frame, positional, keywords) {
    switch (b.kind) {
        case 'function':
            follow(w, b, frame, positional, keywords, at);
            return;
        case 'decorated':
            // The decorator runs on the function; what it returns (a wrapper defined in it) is pending, and calls it.
            follow(w, b.decorator, frame, [[b.inner]], new Map(), at);
            return;
        case 'class': {
            const init = b.methods.get('__init__');
            if (init?.kind === 'function')
                follow(w, { ...init, bindFirst: { kind: 'instance', of: b } }, frame, positional, keywords, at);
            return;
        }
        case 'op-method':
            if (opaqueOp(b.method))
                unreadable(w, at, `\`${python_reader_short(name)}(…)\` runs operations through Alembic's implementation, which the lint does not read`);
            else if (b.method === 'execute')
                readExecute(w.src, at, frame.scope, w.out);
            else
                operation(w, at, b.method, `op.${b.method} (as ${python_reader_short(name)})`, undefined, frame);
            return;
        case 'foreign':
            unreadable(w, at, `\`${python_reader_short(name)}(…)\` calls into ${b.module}, code the lint does not read`);
            return;
        case 'unknown':
            if (name === 'upgrade')
                w.out.unreadable.push({
                    line: b.line,
                    message: `upgrade is bound to ${b.what}, so what it runs cannot be read`,
                });
            return;
        case 'op':
        case 'batch':
        case 'instance':
        case 'inert':
            return;
    }
}
/** Walks a function's body with its parameters bound to the arguments the lint could resolve. */
function follow(w, fn, frame, positional, keywords, at) {
    if (w.stack.has(fn.node))
        return;
    if (w.depth >= MAX_DEPTH || w.follows >= MAX_FOLLOWS) {
        if (!w.limitReported)
            unreadable(w, at, `calls nest deeper than ${MAX_DEPTH} levels or number more than ${MAX_FOLLOWS}: the rest is not read`);
        w.limitReported = true;
        return;
    }
    w.follows++;
    frame.scope.session.checkpoint?.();
    w.followed.add(fn.node);
    const env = childEnv(fn.env);
    const params = paramNames(w.src, fn.node);
    const given = fn.bindFirst ? [[fn.bindFirst], ...positional] : positional;
    params.forEach((p, i) => {
        bind(env, p, keywords.get(p) ?? given[i] ?? [], false);
    });
    const inner = { env, scope: frame.scope, conditional: false, reached: true };
    w.stack.add(fn.node);
    w.depth++;
    try {
        if (fn.node.name === 'LambdaExpression') {
            const body = fn.node.lastChild;
            if (body && body.name !== ':')
                walk(w, body, inner);
        }
        else {
            const body = fn.node.getChild('Body');
            if (body)
                for (const stmt of children(body))
                    walk(w, stmt, inner);
        }
    }
    finally {
        w.depth--;
        w.stack.delete(fn.node);
    }
}
function walkWith(w, node, frame) {
    const { src } = w;
    const scope = { autocommit: frame.scope.autocommit, session: frame.scope.session };
    const parts = children(node);
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part.name !== 'CallExpression')
            continue;
        const callee = part.firstChild;
        const property = callee?.name === 'MemberExpression' ? callee.lastChild : null;
        const method = property ? textOf(src, property) : '';
        if (method === 'autocommit_block')
            scope.autocommit = true;
        const isBatch = callee && resolve(w, callee, frame).some((b) => b.kind === 'op-method' && b.method === 'batch_alter_table');
        if (isBatch) {
            const args = callArgs(src, part);
            const alias = parts[i + 1]?.name === 'as' ? parts[i + 2] : undefined;
            if (alias?.name === 'VariableName')
                bind(frame.env, textOf(src, alias), [{ kind: 'batch', table: tableRef(src, args, 0, 'table_name') }], frame.conditional);
        }
        else
            walk(w, part, frame);
    }
    const body = node.getChild('Body');
    if (body)
        walk(w, body, { ...frame, scope });
    // Alembic begins a new transaction as an autocommit block ends.
    if (scope.autocommit && !frame.scope.autocommit)
        frame.scope.session.committed = false;
}
/** One `op.*` (or batch) call: its operation, or unreadable when its arguments are starred. */
function operation(w, call, method, name, fixed, frame) {
    const line = w.src.lineAt(call.from);
    const args = callArgs(w.src, call);
    if (args.starred) {
        w.out.unreadable.push({ line, message: `${name}(…) passes *args/**kwargs, which cannot be read statically` });
        return;
    }
    const op = operationOf(w.src, method, args, fixed, { line, call: name, transaction: place(frame.scope) }, w.out);
    if (op)
        w.out.operations.push(op);
}
function place(scope) {
    return scope.autocommit ? 'autocommit' : scope.session.committed ? 'after-commit' : 'alembic';
}
/**
 * `fixed`: the batch's table (batch methods take no table argument, so their positions shift by one), or
 * undefined for `op.*`.
 */
function operationOf(src, method, args, fixed, base, out) {
    const batch = fixed !== undefined;
    const shift = batch ? 1 : 0;
    const table = (position, keyword = 'table_name') => batch ? (fixed ?? null) : tableRef(src, args, position, keyword);
    const str = (position, keyword) => stringLiteral(src, arg(args, position - shift, keyword));
    const flag = (keyword) => boolLiteral(src, args.keywords.get(keyword)) === true;
    switch (method) {
        case 'create_table':
            return batch
                ? null
                : { kind: 'create-table', table: table(0, 'table_name'), guarded: flag('if_not_exists'), ...base };
        case 'create_index':
            return {
                kind: 'create-index',
                table: table(1),
                concurrently: flag('postgresql_concurrently'),
                unique: flag('unique'),
                guarded: flag('if_not_exists'),
                ...base,
            };
        case 'drop_index': {
            const on = batch ? (fixed ?? null) : tableRef(src, args, 1, 'table_name');
            return {
                kind: 'drop-index',
                table: on,
                concurrently: flag('postgresql_concurrently'),
                guarded: flag('if_exists'),
                ...base,
            };
        }
        case 'add_column':
            return addColumn(src, args, table(0), shift, { ...base, guarded: flag('if_not_exists') }, out);
        case 'alter_column':
            return alterColumn(src, args, table(0), shift, base, out);
        case 'drop_column':
            return {
                kind: 'drop-column',
                table: table(0),
                column: str(1, 'column_name') ?? '?',
                guarded: flag('if_exists'),
                ...base,
            };
        case 'drop_table':
            return batch ? null : { kind: 'drop-table', table: table(0), guarded: flag('if_exists'), ...base };
        case 'rename_table':
            return batch
                ? null
                : { kind: 'rename-table', table: table(0, 'old_table_name'), to: str(1, 'new_table_name') ?? '?', ...base };
        case 'create_foreign_key':
            return {
                kind: 'add-foreign-key',
                table: table(1, 'source_table'),
                notValid: flag('postgresql_not_valid'),
                ...base,
            };
        case 'create_check_constraint':
            return { kind: 'add-check', table: table(1), notValid: flag('postgresql_not_valid'), ...base };
        case 'create_unique_constraint':
            return { kind: 'add-unique', table: table(1), usingIndex: false, primaryKey: false, ...base };
        case 'create_primary_key':
            return { kind: 'add-unique', table: table(1), usingIndex: false, primaryKey: true, ...base };
        default:
            return null;
    }
}
function tableRef(src, args, position, keyword) {
    const name = stringLiteral(src, arg(args, position, keyword));
    if (name === undefined)
        return null;
    const schemaNode = args.keywords.get(keyword === 'source_table' ? 'source_schema' : 'schema');
    const schema = stringLiteral(src, schemaNode) ?? null;
    return { schema, name };
}
function addColumn(src, args, table, shift, base, out) {
    const column = arg(args, 1 - shift, 'column');
    if (calleeName(src, column) !== 'Column' || !column) {
        out.unreadable.push({ line: base.line, message: `${base.call}(…) is not given a literal sa.Column(…)` });
        return null;
    }
    const colArgs = callArgs(src, column);
    const name = stringLiteral(src, colArgs.positional[0]) ?? '?';
    const primaryKey = boolLiteral(src, colArgs.keywords.get('primary_key')) === true;
    const nullableNode = colArgs.keywords.get('nullable');
    const nullable = nullableNode === undefined ? !primaryKey : boolLiteral(src, nullableNode);
    if (nullable === undefined) {
        out.unreadable.push({ line: base.line, message: `${base.call}(…) gives nullable= a value that is not a literal` });
    }
    const foreignKey = colArgs.positional.some((p) => calleeName(src, p) === 'ForeignKey');
    const typeNode = colArgs.positional[1];
    const serial = typeNode !== undefined && /^(Small|Big)?Serial$/i.test(calleeName(src, typeNode) ?? '');
    return {
        kind: 'add-column',
        table,
        column: name,
        notNull: nullable === false,
        default: serverDefault(src, colArgs.keywords.get('server_default')),
        foreignKey,
        serial,
        primaryKey,
        ...base,
    };
}
function serverDefault(src, node) {
    if (node === undefined || isNone(src, node))
        return { kind: 'none' };
    if (stringLiteral(src, node) !== undefined)
        return { kind: 'stable' };
    const callee = node.name === 'CallExpression' ? dottedName(src, node.firstChild) : undefined;
    if (callee && /(^|\.)text$/.test(callee)) {
        const sql = stringLiteral(src, callArgs(src, node).positional[0]);
        return sql === undefined ? { kind: 'unknown', what: textOf(src, node) } : classifySqlDefault(sql);
    }
    // sa.func.now() and friends: the function's name decides, as in SQL.
    if (callee?.includes('func.') && callArgs(src, node).positional.length === 0) {
        return classifySqlDefault(`${callee.slice(callee.lastIndexOf('.') + 1)}()`);
    }
    if (callee && /(^|\.)(true|false|null|literal)$/.test(callee))
        return { kind: 'stable' };
    return { kind: 'unknown', what: textOf(src, node) };
}
function alterColumn(src, args, table, shift, base, out) {
    const column = stringLiteral(src, arg(args, 1 - shift, 'column_name')) ?? '?';
    const at = { table, column, ...base };
    const ops = [];
    const nullable = args.keywords.get('nullable');
    if (nullable !== undefined) {
        const value = boolLiteral(src, nullable);
        if (value === undefined)
            out.unreadable.push({ line: base.line, message: `${base.call}(…) nullable= is not a literal` });
        // nullable=True on a column already nullable (existing_nullable=True) changes nothing.
        else if (!value || boolLiteral(src, args.keywords.get('existing_nullable')) !== true)
            ops.push({ kind: value ? 'drop-not-null' : 'set-not-null', ...at });
    }
    const type = args.keywords.get('type_');
    if (type !== undefined) {
        ops.push({
            kind: 'alter-type',
            to: pythonType(src, type),
            from: pythonType(src, args.keywords.get('existing_type')),
            ...at,
        });
    }
    const newName = stringLiteral(src, args.keywords.get('new_column_name'));
    if (newName !== undefined)
        ops.push({ kind: 'rename-column', to: newName, ...at });
    // One call can do several things; all but the last are pushed here, the last is returned.
    const last = ops.pop() ?? null;
    out.operations.push(...ops);
    return last;
}
// SQLAlchemy type names → PostgreSQL's; sizes from the first argument or length=/precision=.
const TYPE_NAMES = {
    string: 'varchar',
    unicode: 'varchar',
    varchar: 'varchar',
    text: 'text',
    unicodetext: 'text',
    integer: 'int4',
    int: 'int4',
    biginteger: 'int8',
    bigint: 'int8',
    smallinteger: 'int2',
    smallint: 'int2',
    numeric: 'numeric',
    decimal: 'numeric',
    float: 'float8',
    boolean: 'bool',
    datetime: 'timestamp',
    timestamp: 'timestamp',
    date: 'date',
    char: 'bpchar',
};
function pythonType(src, node) {
    if (!node)
        return null;
    const isCall = node.name === 'CallExpression';
    const name = isCall ? dottedName(src, node.firstChild) : dottedName(src, node);
    if (!name)
        return null;
    const short = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    let mapped = TYPE_NAMES[short] ?? short;
    const args = isCall ? callArgs(src, node) : null;
    if (mapped === 'timestamp' && args && boolLiteral(src, args.keywords.get('timezone')))
        mapped = 'timestamptz';
    const size = args ? numberLiteral(src, arg(args, 0, mapped === 'numeric' ? 'precision' : 'length')) : undefined;
    return { name: mapped, size: size ?? null };
}
function readExecute(src, call, scope, out) {
    const line = src.lineAt(call.from);
    const args = callArgs(src, call);
    let node = args.positional[0] ?? args.keywords.get('sqltext') ?? args.keywords.get('statement');
    const callee = node?.name === 'CallExpression' ? dottedName(src, node.firstChild) : undefined;
    if (callee && /(^|\.)text$/.test(callee))
        node = node ? callArgs(src, node).positional[0] : undefined;
    const sql = stringLiteral(src, node);
    if (sql === undefined || node === undefined) {
        out.unreadable.push({
            line,
            message: `${dottedName(src, call.firstChild) ?? 'execute'}(…) is not given literal SQL, so what it does cannot be read statically`,
        });
        return;
    }
    // Offsets inside a one-piece literal map to lines of the file; escapes or concatenation shift them, so those
    // statements take the line of the literal's start.
    const start = src.lineAt(node.from);
    const raw = textOf(src, node);
    const exact = node.name === 'String' && !raw.includes('\\');
    const lineAt = exact ? linesOf(sql, start) : () => start;
    const read = readSql(sql, {
        lineAt,
        transaction: place(scope),
        functions: scope.session.functions,
        ...(scope.session.checkpoint ? { checkpoint: scope.session.checkpoint } : {}),
    });
    if (read.leaves !== null && !scope.autocommit)
        scope.session.committed = read.leaves === 'outside-transaction';
    for (const op of read.operations) {
        op.line = Math.max(op.line, line);
        op.callLine = line;
        out.operations.push(op);
    }
    out.unreadable.push(...read.unreadable);
}
/**
 * Line of each offset of a literal that starts on line `first`: the newlines are found once and searched, so a literal
 * of many statements is read in linear time (counting from the start for each statement was quadratic: 12 s of a
 * 2 MB literal of 40,000 statements).
 */
function linesOf(text, first) {
    const newlines = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        newlines.push(i);
    return (offset) => {
        let lo = 0;
        let hi = newlines.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (newlines[mid] < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return first + lo;
    };
}
/**
 * Whether env.py sets lock_timeout: a string mentioning it (`SET lock_timeout …`, `-c lock_timeout=…` in
 * connect_args) or a `lock_timeout=` keyword anywhere in the file.
 */
function envSetsLockTimeout(text) {
    const src = sourceText(text);
    const cursor = dist/* parser */.K.parse(text).cursor();
    do {
        if (cursor.name === 'String' && stringLiteral(src, cursor.node)?.includes('lock_timeout'))
            return true;
        if (cursor.name === 'VariableName' && textOf(src, cursor.node) === 'lock_timeout') {
            if (cursor.node.nextSibling?.name === 'AssignOp')
                return true;
        }
    } while (cursor.next());
    return false;
}

// EXTERNAL MODULE: ./lib/lint/table-sizes.js
var table_sizes = __webpack_require__(9470);
;// CONCATENATED MODULE: ./lib/lint/lint.js






/** Time ran out while linting; names the file that was being read. */
class LintTimeoutError extends Error {
    file;
    constructor(file, deadline, done, total) {
        super(`${deadline.what} ran out while linting ${file} (${done} of ${total} migrations linted)`);
        this.file = file;
        this.name = 'LintTimeoutError';
    }
}
/** Reads every migration and applies the rules. */
async function findRisks(inputs, options) {
    const found = { migrations: inputs.length, risks: [], ignored: [], notes: [] };
    const { deadline } = options;
    const now = deadline?.now ?? Date.now;
    for (const [done, input] of inputs.entries()) {
        if (deadline) {
            // Reading is synchronous: without this turn of the event loop no timer (a mode's watchdog) could fire.
            await new Promise((resolve) => setImmediate(resolve));
            if (now() >= deadline.at)
                throw new LintTimeoutError(input.file, deadline, done, inputs.length);
        }
        const text = typeof input.text === 'string' ? input.text : input.text();
        const checkpoint = deadline
            ? () => {
                if (now() >= deadline.at)
                    throw new LintTimeoutError(input.file, deadline, done, inputs.length);
            }
            : undefined;
        lintOne(input, await readOperations(text, checkpoint), options, found);
        checkpoint?.();
    }
    for (const ignore of options.config.ignores) {
        if (ignore.expires !== undefined && ignore.expires < options.today) {
            found.notes.push({
                kind: 'expired-ignore-rule',
                severity: 'warning',
                message: `Lint ignore for ${ignore.rule} in "${ignore.file}" expired on ${ignore.expires} and no longer applies (reason was: ${ignore.reason})`,
                file: ignore.source,
                ...(ignore.line ? { line: ignore.line } : {}),
            });
        }
    }
    return found;
}
// The SQL parser (WebAssembly, ~15 MB and ~100 ms to load) is loaded by the first migration that has SQL to read;
// that file is read again once it is loaded, so nothing is skipped.
async function readOperations(text, checkpoint) {
    try {
        return readMigrationOperations(text, checkpoint);
    }
    catch (error) {
        if (!(error instanceof SqlParserNotLoaded))
            throw error;
        await loadSqlParser();
        return readMigrationOperations(text, checkpoint);
    }
}
function lintOne(input, read, options, found) {
    const { file } = input;
    const created = read.operations.filter((o) => o.kind === 'create-table' && o.table).map((o) => o.table);
    const isNew = (op) => op.table !== null && created.some((t) => sameTable(t, op.table));
    for (const u of read.unreadable) {
        found.notes.push({
            kind: 'lint-unreadable',
            severity: 'notice',
            message: `Not linted: ${u.message}`,
            file,
            line: u.line,
        });
    }
    const inline = new Map(read.ignores.map((i) => [i.line, i]));
    for (const i of read.ignores) {
        const unknown = i.rules.filter((r) => r !== '*' && !RULE_BY_ID.has(r));
        const problem = !i.reason ? 'gives no reason' : unknown.length ? `names unknown rule ${unknown.join(', ')}` : '';
        if (problem) {
            found.notes.push({
                kind: 'lint-ignore-invalid',
                severity: 'warning',
                message: `The ignore comment ${problem}, so it does not apply (write \`# schema-drift: ignore[rule-id] reason\`)`,
                file,
                line: i.line - 1,
            });
            inline.delete(i.line);
        }
    }
    const add = (rule, message, op) => {
        if (options.config.rules.get(rule.id) === 'off')
            return;
        const comment = inline.get(op.callLine ?? op.line);
        if (comment && (comment.rules.includes(rule.id) || comment.rules.includes('*'))) {
            found.ignored.push({ rule: rule.id, file, line: op.line, reason: comment.reason, expires: null, by: 'inline' });
            return;
        }
        const configured = fileIgnoreFor(options.config, file, rule.id, options.today);
        if (configured) {
            const expires = configured.expires ?? null;
            found.ignored.push({ rule: rule.id, file, line: op.line, reason: configured.reason, expires, by: 'config' });
            return;
        }
        found.risks.push({ rule, message, file, line: op.line, table: op.table });
    };
    let lockTimeoutSet = options.envLockTimeout === true;
    let firstUnbounded = null;
    for (const op of read.operations) {
        const fresh = isNew(op);
        if (op.kind === 'set-lock-timeout')
            lockTimeoutSet = true;
        if (!lockTimeoutSet && !firstUnbounded && takesLock(op) && !fresh)
            firstUnbounded = op;
        for (const rule of RULES) {
            if (rule.exemptNewTable && fresh)
                continue;
            const message = rule.check(op);
            if (message !== null)
                add(rule, message, op);
        }
        const unknown = unknowable(op);
        if (unknown && !fresh)
            found.notes.push({ kind: 'lint-unreadable', severity: 'notice', message: unknown, file, line: op.line });
    }
    if (firstUnbounded) {
        const env = options.envLockTimeout === null ? 'env.py could not be read' : "env.py's context does not set one";
        const rule = RULE_BY_ID.get('missing-lock-timeout');
        add(rule, `${firstUnbounded.call} waits for its lock without limit: no lock_timeout is set before it in the migration and ${env}; while it waits, every query on the table queues behind it`, firstUnbounded);
    }
}
/** Operations that wait for a lock on an existing table (CONCURRENTLY ones wait too, but block nobody). */
function takesLock(op) {
    if (op.kind === 'create-table' || op.kind === 'set-lock-timeout')
        return false;
    if ((op.kind === 'create-index' || op.kind === 'drop-index') && op.concurrently)
        return false;
    return op.table !== null || op.kind === 'drop-index';
}
/** What a rule would need to know and cannot statically: said as a notice, never guessed. */
function unknowable(op) {
    if ((op.kind === 'create-index' || op.kind === 'drop-index') &&
        op.concurrently &&
        op.transaction === 'after-commit') {
        return `Cannot tell whether ${op.call} runs outside a transaction: after op.execute("COMMIT") it does with psycopg2, but psycopg 3 begins a new one, where PostgreSQL refuses CONCURRENTLY; \`with op.get_context().autocommit_block():\` is outside with both`;
    }
    if (op.kind === 'alter-type' && typeChange(op.from, op.to) === 'unknown') {
        return `Cannot tell whether ${op.call} of \`${op.column}\` is a safe widening or a table rewrite: the old type is not given (pass existing_type=)`;
    }
    if (op.kind === 'add-column' && op.default.kind === 'unknown') {
        return `Cannot tell whether the default ${op.default.what} of \`${op.column}\` is volatile (which would rewrite the table)`;
    }
    return null;
}
/** The tables whose production size grades the findings. */
function risksTables(found) {
    return found.risks.filter((r) => r.rule.graded && r.table !== null).map((r) => r.table);
}
/** Sets each finding's severity from the configuration and the production sizes. */
function gradeRisks(found, options) {
    const sizes = 'sizes' in options.production ? options.production.sizes : null;
    const findings = found.risks.map((risk) => grade(risk, sizes, options));
    for (const note of found.notes) {
        const { kind, severity, message, file, line } = note;
        const none = { table: null, rows: null, bytes: null, graded_by: null, lock: null };
        findings.push({ kind, rule: null, severity, message, file, line: line ?? null, ...none });
    }
    findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const f of findings)
        counts[f.severity]++;
    const finite = (n) => (Number.isFinite(n) ? n : null);
    return {
        migrations: found.migrations,
        production: 'sizes' in options.production
            ? { read: true, source: options.production.source }
            : { read: false, reason: options.production.skipped },
        large_table: { rows: finite(options.largeTable.rows), bytes: finite(options.largeTable.bytes) },
        counts,
        findings,
        ignored: found.ignored,
    };
}
function grade(risk, sizes, options) {
    const { rule } = risk;
    const size = risk.table && sizes ? sizes.get((0,table_sizes/* tableKey */.ih)(risk.table)) : undefined;
    const setting = options.config.rules.get(rule.id);
    let severity = rule.severity;
    let gradedBy = 'default';
    let why;
    if (setting === 'error' || setting === 'warning' || setting === 'notice') {
        severity = setting;
        gradedBy = 'config';
        why = `severity ${setting} set in the lint configuration`;
    }
    else if (!rule.graded) {
        why = size ? `in production: ${(0,table_sizes/* describeSize */.jt)(size)}` : '';
    }
    else if (risk.table === null) {
        why = 'the table is not a literal, so its production size is unknown; default severity';
    }
    else if (sizes === null) {
        why = `production sizes not read (${'skipped' in options.production ? options.production.skipped : ''}); default severity`;
    }
    else if (!size) {
        severity = 'notice';
        gradedBy = 'new-table';
        why = `${tableName(risk.table)} does not exist in production yet`;
    }
    else {
        const large = (size.rows ?? 0) >= options.largeTable.rows || size.bytes >= options.largeTable.bytes;
        severity = large ? 'error' : 'warning';
        gradedBy = 'production';
        why = `in production: ${(0,table_sizes/* describeSize */.jt)(size)}${large ? ' (a large table)' : ''}`;
    }
    return {
        kind: rule.id,
        rule: rule.id,
        severity,
        message: `${risk.message}${why ? ` — ${why}` : ''}. Lock: ${rule.lock}.`,
        file: risk.file,
        line: risk.line,
        table: risk.table ? tableName(risk.table) : null,
        rows: size?.rows ?? null,
        bytes: size?.bytes ?? null,
        graded_by: gradedBy,
        lock: rule.lock,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./lib/lint/read-migrations.js
// The disk side of the lint, shared by the CLI and the pull-request check: the migration files, env.py and the
// `lint:` block of `.schema-drift.yml`, read into findRisks.





/** Reads the files and the configuration and applies the rules. Throws (stage config) on a bad `lint:` block. */
async function findMigrationRisks(input) {
    const config = readLintConfig(input.root, input.configFile);
    const envPath = external_node_path_.join(input.location.scriptLocation, 'env.py');
    let envLockTimeout;
    try {
        envLockTimeout = envSetsLockTimeout((0,external_node_fs_.readFileSync)(envPath, 'utf8'));
    }
    catch {
        envLockTimeout = null;
    }
    const inputs = input.files.map((file) => ({ file, text: () => (0,external_node_fs_.readFileSync)(external_node_path_.join(input.root, file), 'utf8') }));
    const found = await findRisks(inputs, {
        config,
        envLockTimeout,
        today: input.today.toISOString().slice(0, 10),
        ...(input.deadline ? { deadline: input.deadline } : {}),
    });
    return { found, config };
}
function readLintConfig(root, file) {
    const full = external_node_path_.resolve(root, file ?? '.schema-drift.yml');
    if (!file && !(0,external_node_fs_.existsSync)(full))
        return EMPTY_LINT_CONFIG;
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(full, 'utf8');
    }
    catch (error) {
        throw new Error(`Could not read the lint configuration (input "config") "${file ?? full}": ${error.message}`);
    }
    return parseLintConfig(text, external_node_path_.relative(root, full).split(external_node_path_.sep).join('/'));
}
/** The section's findings as annotations-ready findings (file and line). */
function lintFindings(section) {
    return section.findings.map((f) => ({
        severity: f.severity,
        kind: f.kind,
        message: f.message,
        file: f.file,
        ...(f.line === null ? {} : { line: f.line }),
    }));
}

;// CONCATENATED MODULE: ./lib/lint/section-json.js
const OMITTED = new Set(['undefined', 'function', 'symbol']);
/** The section as `JSON.stringify(section, null, 2) + "\n"`, one top-level field or array item at a time. */
function* lintSectionJson(section) {
    // The fields JSON.stringify keeps (it drops undefined, functions and symbols); asking JSON.stringify itself would
    // build the whole findings array's text just to test it.
    const fields = Object.entries(section).filter(([, value]) => !OMITTED.has(typeof value));
    yield '{';
    for (const [i, [key, value]] of fields.entries()) {
        yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
        if (Array.isArray(value) && value.length > 0) {
            yield '[';
            for (const [j, item] of value.entries())
                yield `${j === 0 ? '' : ','}\n    ${nested(item ?? null, '    ')}`;
            yield '\n  ]';
        }
        else
            yield nested(value, '  ');
    }
    yield fields.length > 0 ? '\n}\n' : '}\n';
}
/** A value's indented JSON placed at `indent`: its own lines are shifted (a string's newlines are escaped). */
function nested(value, indent) {
    return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

// EXTERNAL MODULE: ./lib/report/presentation/wording.js
var wording = __webpack_require__(5767);
;// CONCATENATED MODULE: ./lib/lint/section-text.js
// The plain-text output of `schema-drift lint`: one `file:line: severity: rule: message` line a finding, then a
// summary line. Made a line at a time, as the --json output is.

/** The section's text, a finding at a time. */
function* lintSectionText(section) {
    for (const f of section.findings)
        yield `${f.file}:${f.line ?? 1}: ${f.severity}: ${f.kind}: ${f.message}\n`;
    const { error, warning, notice } = section.counts;
    const graded = section.production.read
        ? `graded by table sizes from ${section.production.source}`
        : `default severities: ${section.production.reason}`;
    yield `${(0,wording/* plural */.LS)(section.migrations, 'migration')} linted: ${(0,wording/* plural */.LS)(error, 'error')}, ${(0,wording/* plural */.LS)(warning, 'warning')}, ${(0,wording/* plural */.LS)(notice, 'notice')}, ${section.ignored.length} ignored (${graded})\n`;
}

// EXTERNAL MODULE: ./lib/migrations/load.js + 5 modules
var load = __webpack_require__(5057);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./lib/pull-request/git.js
// The few git questions the pull-request check asks, through the git CLI (present on every GitHub runner).
// Paths given and returned are relative to the repository top level, with forward slashes.


const exec = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Thrown when git itself fails; `stderr` holds git's own words. */
class GitError extends Error {
    name = 'GitError';
}
/** A git runner rooted at the repository holding `dir`. */
async function openGit(dir) {
    const run = async (args, cwd = dir) => {
        try {
            const { stdout } = await exec('git', ['-C', cwd, ...args], { maxBuffer: 512 * 1024 * 1024 });
            return stdout;
        }
        catch (error) {
            const stderr = error.stderr?.trim();
            throw new GitError(`git ${args.join(' ')} failed in ${cwd}: ${stderr || error.message}`);
        }
    };
    const top = (await run(['rev-parse', '--show-toplevel'])).trim();
    return { top, run: (args) => run(args, top) };
}
async function isShallow(git) {
    return (await git.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}
/** Whether the commit object is present in the local repository. */
async function hasCommit(git, sha) {
    try {
        await git.run(['cat-file', '-e', `${sha}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
/** Regular files (and symlinks) under `dirs` at `commit`, recursively. */
async function listTree(git, commit, dirs) {
    if (dirs.length === 0)
        return [];
    const out = await git.run(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...dirs]);
    const entries = [];
    for (const record of out.split('\0')) {
        if (record === '')
            continue;
        // "<mode> SP <type> SP <object> TAB <path>"
        const tab = record.indexOf('\t');
        const [, type, blob] = record.slice(0, tab).split(' ');
        if (type === 'blob' && blob)
            entries.push({ path: record.slice(tab + 1), blob });
    }
    return entries;
}
/** The contents of many blobs through one `git cat-file --batch`, in the order asked. */
async function readBlobs(git, blobs) {
    if (blobs.length === 0)
        return [];
    const child = spawn('git', ['-C', git.top, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks = [];
    const errors = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => errors.push(c));
    const done = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
    });
    child.stdin.end(`${blobs.join('\n')}\n`);
    const code = await done;
    if (code !== 0)
        throw new GitError(`git cat-file --batch failed: ${Buffer.concat(errors).toString().trim()}`);
    const all = Buffer.concat(chunks);
    const out = [];
    let at = 0;
    for (const blob of blobs) {
        const eol = all.indexOf(10, at);
        const header = all.subarray(at, eol).toString();
        const [, type, size] = header.split(' ');
        if (type !== 'blob' || size === undefined)
            throw new GitError(`git cat-file --batch: ${blob}: ${header}`);
        const start = eol + 1;
        out.push(all.subarray(start, start + Number(size)));
        at = start + Number(size) + 1;
    }
    return out;
}
/** Files the pull request changes: `git diff base...head` (from their merge base), renames detected. */
async function changedFiles(git, base, head) {
    const out = await git.run(['diff', '--name-status', '-z', '-M', '--no-ext-diff', `${base}...${head}`]);
    const fields = out.split('\0');
    const files = [];
    let i = 0;
    while (i < fields.length) {
        const status = fields[i++];
        if (!status)
            continue;
        const letter = status[0];
        if (letter === 'R' || letter === 'C') {
            const previous = fields[i++];
            files.push({ status: letter, previous, path: fields[i++], pureRename: status === 'R100' });
        }
        else {
            files.push({ status: letter, path: fields[i++] });
        }
    }
    return files;
}

// EXTERNAL MODULE: ./lib/cli/flags.js
var flags = __webpack_require__(2529);
;// CONCATENATED MODULE: ./lib/cli/lint-command.js
// `schema-drift lint`: migration safety for every revision (--all, the default) or those changed since --base,
// graded by production table sizes when a database is given. Exit 0 no error finding, 1 error findings, 2 could not lint.
















const STRING_FLAGS = [
    'migrations',
    'base',
    ...inputs/* DATABASE_INPUTS */.oF,
    'config',
    'lint-large-table',
    'timeout-seconds',
];
async function lintCommand(argv, io) {
    const fail = (message) => {
        io.stderr(`schema-drift lint: ${message}\n`);
        return flags/* EXIT */.dc.error;
    };
    let values;
    try {
        const options = Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' }]));
        ({ values } = (0,external_node_util_.parseArgs)({
            args: [...argv],
            options: { ...options, all: { type: 'boolean' }, json: { type: 'boolean' } },
            strict: true,
        }));
    }
    catch (error) {
        return fail(error.message);
    }
    if (values.all && values.base)
        return fail('give --base REF or --all, not both');
    let config;
    try {
        config = (0,config_config/* parseConfig */.o4)({
            ...Object.fromEntries(STRING_FLAGS.map((f) => [f, values[f]])),
            'lint-large-table': values['lint-large-table'] ?? config_config/* LINT_LARGE_TABLE_DEFAULT */.f3,
        });
    }
    catch (error) {
        return fail(error instanceof config_config/* ConfigError */.xL ? error.message : String(error));
    }
    const root = external_node_path_.resolve(io.cwd);
    const now = new Date();
    const started = Date.now();
    let section;
    try {
        const { graph, location } = await (0,load.loadMigrationGraph)(root, config.migrations);
        // The reader's own kinds for a file it could not read or evaluate (issue 9).
        const unreadable = graph.findings.filter((f) => f.kind === 'unparseable-revision-file' || f.kind === 'unreadable-revision-file');
        if (unreadable.length > 0) {
            return fail(unreadable.map((f) => `${f.file}:${f.line ?? 1}: ${f.message}`).join('\n'));
        }
        let files = [...graph.revisions.values()].map((r) => r.file).sort();
        if (typeof values.base === 'string') {
            const git = await openGit(root);
            const fromTop = (p) => external_node_path_.relative(root, external_node_path_.join(git.top, p)).split(external_node_path_.sep).join('/');
            const changed = new Set((await changedFiles(git, values.base, 'HEAD')).filter((c) => c.status !== 'D').map((c) => fromTop(c.path)));
            files = files.filter((f) => changed.has(f));
        }
        const { found, config: lintConfig } = await findMigrationRisks({
            root,
            location,
            files,
            configFile: config.ignoreRulesFile,
            today: now,
            // The whole command ends within timeout-seconds; past it the error names the file being read (exit 2).
            deadline: { at: started + config.timeoutSeconds * 1000, what: `--timeout-seconds (${config.timeoutSeconds})` },
        });
        let production = {
            skipped: 'no database given (--database-url, --lambda-function or --pglite)',
        };
        if (config.database) {
            const target = config.database;
            const executor = await (0,database_open/* openExecutor */.c)(target, {
                aws: async () => ({ region: config.aws.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? '' }),
                pglite: pglite.openPgliteExecutor,
            }).catch((error) => {
                throw new Error(`could not open ${(0,database_open/* describeTarget */.f)(target)}: ${error.message}`);
            });
            try {
                production = { sizes: await (0,table_sizes/* readTableSizes */.BJ)(executor, risksTables(found)), source: executor.describe() };
            }
            catch (error) {
                throw new Error(`could not read table sizes from ${executor.describe()}: ${error.message}`);
            }
            finally {
                await executor.close().catch(() => { });
            }
        }
        section = gradeRisks(found, { config: lintConfig, production, largeTable: config.pullRequest.lintLargeTable });
    }
    catch (error) {
        return fail(error.message);
    }
    // Streamed a finding at a time (--json byte for byte JSON.stringify(section, null, 2)): 25,000 findings would
    // otherwise be held as one string of 19 MB (text) or 35 MB (JSON) and its UTF-8 copy.
    await writeChunked(values.json ? lintSectionJson(section) : lintSectionText(section), io.stdout, stdoutDrained);
    return section.counts.error > 0 ? flags/* EXIT */.dc.drift : flags/* EXIT */.dc.ok;
}
// io.stdout ends in process.stdout (through the scrubbing wrapper, which keeps no return value): when it has queued
// what a pipe could not take, wait until it has written it. A write that returned false always ends in 'drain' (or
// 'error', which rejects).
async function stdoutDrained() {
    if (process.stdout.writableNeedDrain)
        await (0,external_node_events_.once)(process.stdout, 'drain');
}


/***/ }),

/***/ 3392:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openPgliteExecutor: () => (/* binding */ openPgliteExecutor)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _electric_sql_pglite__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5038);



/** Embedded PGlite: `dataDir` a folder holding a database (or, with `create`, one to create), or undefined for in-memory. */
async function openPgliteExecutor(dataDir, options = {}) {
    const where = dataDir === undefined ? 'memory' : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dataDir);
    let db;
    try {
        if (dataDir !== undefined)
            await checkDataDir(where, options.create === true);
        db = await _electric_sql_pglite__WEBPACK_IMPORTED_MODULE_2__/* .PGlite */ .Eb.create(dataDir === undefined ? undefined : where);
    }
    catch (error) {
        throw new Error(`Could not open PGlite at ${where}: ${messageOf(error)}`);
    }
    let closed = false;
    return {
        db,
        async query(sql, params) {
            if (closed)
                throw new Error(`Query failed on pglite:${where}: the executor is closed`);
            try {
                // Same guarantee as the server adapter: whatever the SQL, nothing it does is kept.
                return await db.transaction(async (tx) => {
                    // The SELECT takes the snapshot, after which `SET TRANSACTION READ WRITE` is refused; tx.query is
                    // the extended protocol, one statement, so `COMMIT; CREATE ...` cannot step out either.
                    await tx.exec('SET TRANSACTION READ ONLY; SELECT 1');
                    const result = await tx.query(sql, params === undefined ? [] : [...params]);
                    await tx.rollback();
                    return result.rows;
                });
            }
            catch (error) {
                throw new Error(`Query failed on pglite:${where}: ${messageOf(error)}`);
            }
        },
        describe: () => `pglite:${where}`,
        async close() {
            if (closed)
                return;
            closed = true;
            await db.close();
        },
    };
}
/**
 * Throws (saying why) unless `dir` holds a PostgreSQL data directory (its `PG_VERSION` file, which initdb writes
 * first and PGlite looks for), or, with `create`, is missing or empty (then it is made).
 */
async function checkDataDir(dir, create) {
    const found = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).catch((error) => {
        if (error.code === 'ENOENT')
            return null;
        throw error;
    });
    if (found === null) {
        if (!create)
            throw new Error('no such folder (a PGlite database folder holds a PG_VERSION file)');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
        return;
    }
    if (!found.isDirectory())
        throw new Error('it is not a folder');
    const version = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'PG_VERSION')).catch(() => null);
    if (version?.isFile())
        return;
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir);
    if (entries.length === 0 && create)
        return;
    throw new Error(entries.length === 0
        ? 'the folder is empty: it holds no PGlite database (no PG_VERSION file)'
        : 'the folder holds no PGlite database (no PG_VERSION file)');
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 5032:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   Z$: () => (/* binding */ DEFAULT_MARKDOWN_MAX_BYTES),
/* harmony export */   c5: () => (/* binding */ fitToBudget),
/* harmony export */   nt: () => (/* binding */ DEFAULT_TEXT_MAX_BYTES)
/* harmony export */ });
/* unused harmony exports GITHUB_LIMITS, SNS_MESSAGE_MAX_BYTES, utf8Length, truncateUtf8 */
// Size limits of the places a rendering goes, and the helpers renderers use to stay inside them.
// Sizes are measured in UTF-8 bytes: never fewer than characters, so a byte budget also holds for character limits.
/** GitHub's documented limits (step summary per step, check run output, issue/PR comment body). */
const GITHUB_LIMITS = {
    stepSummaryBytes: 1024 * 1024,
    checkRunSummaryChars: 65_535,
    commentChars: 65_536,
    annotationTitleChars: 255,
    annotationsPerRequest: 50,
};
/** SNS rejects messages over 256 KiB (body and attributes together). */
const SNS_MESSAGE_MAX_BYTES = 256 * 1024;
/** Default Markdown budget: the step summary limit with room for whatever else the step appends. */
const DEFAULT_MARKDOWN_MAX_BYTES = GITHUB_LIMITS.stepSummaryBytes - 16 * 1024;
/** Default plain-text budget: safely below SNS's limit, leaving room for the subject and message attributes. */
const DEFAULT_TEXT_MAX_BYTES = SNS_MESSAGE_MAX_BYTES - 16 * 1024;
function utf8Length(value) {
    return Buffer.byteLength(value, 'utf8');
}
/** Cuts `value` to at most `maxBytes` UTF-8 bytes (marker included) at a code point boundary. */
function truncateUtf8(value, maxBytes, marker = '\n… truncated\n') {
    if (utf8Length(value) <= maxBytes)
        return value;
    const room = maxBytes - utf8Length(marker);
    if (room <= 0)
        return sliceToBytes(marker, maxBytes);
    return sliceToBytes(value, room) + marker;
}
function sliceToBytes(value, maxBytes) {
    let bytes = 0;
    let end = 0;
    for (const char of value) {
        const size = utf8Length(char);
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        end += char.length;
    }
    return value.slice(0, end);
}
/** Shortens one value to `maxChars` characters, ending with '…' when cut. */
function clip(value, maxChars) {
    const chars = Array.from(value);
    return chars.length <= maxChars ? value : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}
/**
 * Renders with the largest list limit (0..`largest`) whose output fits `maxBytes`, so every list is cut evenly
 * rather than the first one starving the rest; falls back to a hard cut when even empty lists do not fit.
 */
function fitToBudget(render, largest, maxBytes) {
    const full = render(largest);
    if (utf8Length(full) <= maxBytes)
        return full;
    let low = 0;
    let high = largest - 1;
    let best = null;
    while (low <= high) {
        const mid = Math.floor((low + high) / 2);
        const out = render(mid);
        if (utf8Length(out) <= maxBytes) {
            best = out;
            low = mid + 1;
        }
        else {
            high = mid - 1;
        }
    }
    return best ?? truncateUtf8(render(0), maxBytes);
}


/***/ }),

/***/ 5767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ fixSqlLines),
/* harmony export */   H6: () => (/* binding */ whatToDo),
/* harmony export */   Iz: () => (/* binding */ FIX_SQL_MAX_CHARS),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   M: () => (/* binding */ STRUCTURE_SEVERITY_TITLES),
/* harmony export */   Np: () => (/* binding */ bySeverity),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   _n: () => (/* binding */ structureStateExplanation),
/* harmony export */   gF: () => (/* binding */ structureBySeverity),
/* harmony export */   uI: () => (/* binding */ errorMeaning),
/* harmony export */   vH: () => (/* binding */ attrText),
/* harmony export */   zS: () => (/* binding */ statsText)
/* harmony export */ });
/* harmony import */ var _drift_structure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4594);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5032);


/** A fix-up SQL statement longer than this is cut at a line (a CREATE FUNCTION can be long); the JSON has it whole. */
const FIX_SQL_MAX_CHARS = 2000;
/** One-line headline, e.g. "production: behind by 3 migrations" / "production: in sync at 20251230_1900". */
function headline(report) {
    const env = oneLine(report.environment);
    const version = report.version;
    let what;
    if (report.status === 'error' || version === null || version.state === 'error') {
        what = `could not determine the state (${oneLine(report.error?.stage ?? 'version')} error)`;
    }
    else {
        const pending = version.pending.length;
        switch (version.state) {
            case 'synced':
                // Structural drift is drift: the headline leads with it, and the version part only says where migrations are.
                what =
                    report.structure?.state === 'drifted'
                        ? `at head ${oneLine(report.production_version ?? '(none)')}`
                        : `in sync at ${oneLine(report.production_version ?? '(none)')}`;
                break;
            case 'behind':
                what = version.drift
                    ? `behind by ${plural(pending, 'migration')}`
                    : `${plural(pending, 'migration')} pending within grace`;
                break;
            case 'ahead':
                what = `ahead: ${plural(version.unknown.length, 'revision')} unknown to the repository`;
                break;
            case 'branched':
                what =
                    version.codebase_heads.length > 1
                        ? `branched: the repository has ${version.codebase_heads.length} heads`
                        : 'branched: the database is on a branch the repository head does not include';
                break;
            case 'uninitialized':
                what = 'uninitialized: no Alembic version recorded';
                break;
        }
        const structural = structuralHeadline(report.structure);
        if (structural)
            what = version.state === 'synced' ? `${structural}; ${what}` : `${what}; ${structural}`;
    }
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`${env}: ${what}`, 200);
}
// Short on purpose: the headline is also a mail subject, 84 characters after "[schema-drift] ".
function structuralHeadline(structure) {
    if (structure?.state !== 'drifted')
        return '';
    const security = structure.differences.filter((d) => d.severity === 'security').length;
    return `schema drifted (${plural(structure.differences.length, 'difference')}${security > 0 ? `, ${security} security` : ''})`;
}
/** What a person should do about this report's state, one paragraph per entry. */
function whatToDo(report) {
    const version = report.version;
    if (report.status === 'error' || version === null || version.state === 'error') {
        return [
            'The state could not be determined. This is not a pass: never treat it as synced.',
            `Fix the cause named by the error (stage "${oneLine(report.error?.stage ?? 'version')}") and run the check again.`,
        ];
    }
    const structure = report.structure;
    if (structure?.state !== 'drifted')
        return versionAdvice(report, version);
    const advice = version.state === 'synced'
        ? [
            'The version table is at the repository head, but the live catalog differs from the expected schema: a change made outside the migrations?',
        ]
        : versionAdvice(report, version);
    if (structure.differences.some((d) => d.severity === 'security')) {
        advice.push('Start with the security differences (grants, row-level security, policies, security definer, security_invoker): they decide who can read or change data.');
    }
    advice.push('Review each structural difference. Apply its fix-up SQL through a new migration, so the repository records it, ' +
        'or add an ignore rule with a reason and an expiry date in `.schema-drift.yml` (input `config`).');
    return advice;
}
function versionAdvice(report, version) {
    switch (version.state) {
        case 'synced':
            return [
                report.structure?.state === 'clean'
                    ? 'Nothing to do: the database is at the repository head and its catalog matches the expected schema.'
                    : 'Nothing to do: the database is at the repository head.',
            ];
        case 'behind':
            if (!version.drift) {
                return [
                    `The pending migrations entered the branch less than ${version.pending_grace_minutes} minutes ago (a deploy in flight?). ` +
                        'They are reported as drift if they are still pending after that.',
                ];
            }
            return [
                'Deploy the pending migrations: run `alembic upgrade head` against this database (or the deploy that does it), then run the check again.',
            ];
        case 'ahead':
            return [
                'The database has revisions the repository lacks: a rollback of the code, or a branch deployed from elsewhere.',
                'Find the branch that holds those revisions and merge it, or downgrade the database deliberately.',
            ];
        case 'branched':
            return [
                'The revision history has diverged. If the repository has several heads, create a merge revision with `alembic merge heads` and deploy it.',
                'If the database sits on another branch, find the deploy that put it there.',
            ];
        case 'uninitialized':
            return [
                'The version table is missing or empty: is this the right database and schema (inputs version-table, version-table-schema)?',
                'If the schema was created outside Alembic, record its revision with `alembic stamp`.',
            ];
        case 'error':
            return [];
    }
}
/** What an error at each pipeline stage means for the reader. */
function errorMeaning(stage) {
    const meanings = {
        config: 'the inputs are invalid, so nothing was checked',
        migrations: "the repository's migrations could not be read",
        credentials: 'no AWS credentials could be had (OIDC token or role assumption), so the database was not reached',
        database: 'the database could not be reached or queried',
        version: "the database's version could not be compared with the repository",
        structure: 'the live catalog could not be compared with the expected schema',
        publish: 'the result could not be stored or sent',
        internal: 'an unexpected error stopped the check',
    };
    return meanings[stage] ?? 'the check stopped before the state was known';
}
/** Severity titles, for documents that group differences. */
const STRUCTURE_SEVERITY_TITLES = {
    security: 'Security',
    breaking: 'Breaking',
    cosmetic: 'Cosmetic',
};
/** Differences ordered security, breaking, cosmetic; the given order (kind, object) is kept within a severity. */
function structureBySeverity(differences) {
    const rank = (severity) => {
        const index = _drift_structure_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(severity);
        return index === -1 ? _drift_structure_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.length : index;
    };
    return [...differences].sort((a, b) => rank(a.severity) - rank(b.severity));
}
/** An attribute value as one string (lists joined with ", "); null when there is no value. */
function attrText(value) {
    if (value === null)
        return null;
    return Array.isArray(value) ? value.join(', ') : String(value);
}
/**
 * Fix-up SQL as display lines: every line break (CR included) splits, other control characters and bidi overrides
 * (which could make a name read differently from what runs) become U+FFFD, and a long statement is cut at a line
 * with a SQL comment saying how much is left out.
 */
function fixSqlLines(sql, maxChars = FIX_SQL_MAX_CHARS) {
    const text = sql
        .replace(/\r\n?/g, '\n')
        .replace(/(?![\t\n])[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu, '\uFFFD');
    const lines = text.split('\n');
    const kept = [];
    let used = 0;
    for (const line of lines) {
        if (used + line.length > maxChars) {
            // A first line longer than the budget is clipped rather than dropped, so the statement's start still shows.
            if (kept.length === 0) {
                kept.push((0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(line, maxChars));
                used = maxChars - 1;
            }
            kept.push(`-- … ${text.length - used} more characters in the JSON report`);
            return kept;
        }
        kept.push(line);
        used += line.length + 1;
    }
    return kept;
}
/** What a state other than drifted means, or null when the counts say it all. */
function structureStateExplanation(s) {
    switch (s.state) {
        case 'skipped':
            return s.expected_source === 'baseline'
                ? 'Nothing was compared: this run recorded the live catalog as the baseline, and the next run compares with it.'
                : 'Nothing was compared: there was no expected schema to compare with.';
        case 'error':
            return 'The structure check could not be made (see the error): the catalog is not known to match.';
        case 'clean':
            return s.notices.length > 0
                ? 'The live catalog matches the expected schema, apart from the notices below.'
                : 'The live catalog matches the expected schema.';
        case 'drifted':
            return null;
    }
}
/** "9 queries, largest response 12.1 KiB, 44.6 KiB in all". */
function statsText(stats) {
    const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
    return `${plural(stats.queries, 'query', 'queries')}, largest response ${kib(stats.largest_response_bytes)}, ${kib(stats.total_response_bytes)} in all`;
}
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
/** Findings ordered error, warning, notice; the original order is kept within a severity. */
function bySeverity(findings) {
    return [...findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
}
/** Control characters (newlines included) become spaces, so a value from the repository or database stays on one line. */
function oneLine(value) {
    return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}
function plural(count, noun, nouns = `${noun}s`) {
    return `${count} ${count === 1 ? noun : nouns}`;
}


/***/ })

};
