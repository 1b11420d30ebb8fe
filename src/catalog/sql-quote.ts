// Quoting for the SQL we write ourselves (fix-up statements). Over-quoting is harmless, under-quoting is not, so
// every keyword PostgreSQL does not list as unreserved is quoted, and anything not a plain lower-case name too.

// Reserved, column-name and type/function-name keywords of PostgreSQL 15–18 (unreserved ones need no quotes).
const KEYWORDS = new Set(
  `all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast
  char character check coalesce collate collation column concurrently constraint create cross current_catalog
  current_date current_role current_schema current_time current_timestamp current_user dec decimal default
  deferrable desc distinct do else end except exists extract false fetch float for foreign freeze from full grant
  greatest group grouping having ilike in initially inner inout int integer intersect interval into is isnull join
  json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize
  json_table json_value lateral leading least left like limit localtime localtimestamp merge_action national natural
  nchar none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay placing
  position precision primary real references returning right row select session_user setof similar smallint some
  substring symmetric system_user table tablesample then time timestamp to trailing treat trim true union unique user
  using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest
  xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable`.split(/\s+/),
);

/** An identifier as PostgreSQL's quote_ident would write it (quotes doubled inside). */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !KEYWORDS.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** Dotted, quoted name: ["public", "my table"] → public."my table". */
export function quoteQualified(parts: readonly string[]): string {
  return parts.map(quoteIdent).join('.');
}

/** A string literal; with standard_conforming_strings (the default since 9.1) only quotes need doubling. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Text safe inside a `-- comment` line: a newline in a hostile name must not end the comment. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : ' '));
}
