/**
 * A plain object's own value for a key the user typed. A name such as `valueOf` or `constructor`
 * must never reach Object.prototype (it did: 评分表 got a function for that agent's group).
 */
export const own = <T>(o: Record<string, T> | undefined, key: string): T | undefined =>
  o && Object.hasOwn(o, key) ? o[key] : undefined;

/** A copy with no prototype, safe to index with any name. */
export const ownCopy = <T>(o: Record<string, T>): Record<string, T> => Object.assign(Object.create(null), o);
