/**
 * Struct-of-arrays tables: one typed array per column, rows addressed by integer id. A million
 * residents then cost a few bytes per column each and loop without allocation.
 */
export type ColumnType =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Int32ArrayConstructor
  | Int16ArrayConstructor
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Uint16ArrayConstructor
  | Uint32ArrayConstructor;

export type ColumnSpec = Record<string, ColumnType>;

/**
 * The last day number an Int16 day column holds (about 89 years of days): a module that keeps
 * days in 16 bits (2 bytes a row rather than 4) refuses, in its scenario check, a run that would
 * go past it.
 */
export const LAST_DAY16 = 32_767;

export type Table<S extends ColumnSpec> = { readonly count: number } & {
  [K in keyof S]: InstanceType<S[K]>;
};

export function createTable<S extends ColumnSpec>(size: number, spec: S): Table<S> {
  // Built in one go (not column by column with keyed stores, which V8 takes as a sign of a
  // dictionary and switches the object to slow properties): column reads stay fast.
  return Object.fromEntries([['count', size], ...Object.entries(spec).map(([name, Type]) => [name, new Type(size)])]) as Table<S>;
}
