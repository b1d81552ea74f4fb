/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) counted by kind (HeadingPairs). New sheets
 * join the worksheet titles. Returns null when the part has another shape: it is then left as it was
 * (it is informational; Excel rewrites it on save).
 */
export function addTitles(app: string, titles: string[]): string | null {
  const hp = app.match(/<((?:[\w.-]+:)?)HeadingPairs>([\s\S]*?)<\/\1HeadingPairs>/);
  const tp = app.match(/<((?:[\w.-]+:)?)TitlesOfParts>([\s\S]*?)<\/\1TitlesOfParts>/);
  if (!hp || !tp) return null;
  const pairs = [...hp[2].matchAll(/<([\w.-]+:)?lpstr>([^<]*)<\/\1?lpstr>[\s\S]*?<([\w.-]+:)?i4>(\d+)<\/\3?i4>/g)];
  if (!pairs.length) return null;
  let k = pairs.findIndex((m) => /^(Worksheets|工作表|Sheets)$/i.test(m[2]));
  if (k < 0) k = 0;
  const offset = pairs.slice(0, k).reduce((n, m) => n + Number(m[4]), 0);
  const count = Number(pairs[k][4]);
  const vec = tp[2].match(/<((?:[\w.-]+:)?)vector\s[^>]*>([\s\S]*)<\/\1vector>/);
  if (!vec) return null;
  const vp = vec[1];
  const items = [...vec[2].matchAll(new RegExp(`<${vp}lpstr>[^<]*</${vp}lpstr>`, "g"))].map((m) => m[0]);
  if (items.length < offset + count) return null;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  items.splice(offset + count, 0, ...titles.map((t) => `<${vp}lpstr>${esc(t)}</${vp}lpstr>`));
  const newVec = `<${vp}vector size="${items.length}" baseType="lpstr">${items.join("")}</${vp}vector>`;
  const newTp = tp[0].replace(vec[0], newVec);
  const pair = pairs[k][0].replace(new RegExp(`>${count}<`), `>${count + titles.length}<`);
  const newHp = hp[0].replace(pairs[k][0], pair);
  return app.replace(tp[0], newTp).replace(hp[0], newHp);
}
