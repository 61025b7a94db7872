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

export type Table<S extends ColumnSpec> = { readonly count: number } & {
  [K in keyof S]: InstanceType<S[K]>;
};

export function createTable<S extends ColumnSpec>(size: number, spec: S): Table<S> {
  const table: Record<string, unknown> = { count: size };
  for (const [name, Type] of Object.entries(spec)) table[name] = new Type(size);
  return table as Table<S>;
}
