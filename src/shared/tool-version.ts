/** The tool's version, recorded in every report (kept equal to package.json by a test). */
export const TOOL_VERSION = '1.0.0';
