/** The same shape as a zh-CN tree with every leaf a string, so a key missing in English fails to compile. */
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> }
