import fc from 'fast-check'
import { z } from 'zod'

/**
 * Inputs for fuzzing the API, derived from the contract itself so that a
 * new method is fuzzed the day it is added: valid-looking values built from
 * each input schema (through its JSON Schema), hostile values of every
 * shape, and valid values with one part swapped for a hostile one.
 */

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  prefixItems?: JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  const?: unknown
  enum?: unknown[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minItems?: number
  maxItems?: number
  additionalProperties?: boolean | JsonSchema
  $ref?: string
  $defs?: Record<string, JsonSchema>
}

const deepObject = nest(2000, (inner) => ({ a: inner }))
const deepArray = nest(2000, (inner) => [inner])
/** What JSON.parse makes of a body with these keys: own properties named like the prototype's. */
const prototypeKeys = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as object

function nest(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i += 1) value = wrap(value)
  return value
}

const sqlLike = [
  "'; DROP TABLE opportunities; --",
  '1 OR 1=1',
  '" OR ""="',
  'name; DELETE FROM audit_log',
  'id DESC, (SELECT 1)',
  'rowid',
  'sqlite_master',
  '%',
  '_',
  '\\',
]

const oddStrings = [
  '',
  ' ',
  '\0',
  '\u202e\u0000\ud800',
  '../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\System32\\config',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://example.com","x")',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
]

const oddNumbers = [NaN, Infinity, -Infinity, -1, -0, 0, 0.5, -1e308, 1e308, 2 ** 53, -(2 ** 53), Number.MIN_VALUE, 2 ** 31]

/** One hostile leaf: odd numbers, SQL, paths, control characters, huge strings, very deep objects. */
const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...oddNumbers),
  fc.constantFrom(...sqlLike, ...oddStrings),
  fc.constantFrom('x'.repeat(200_000), '商'.repeat(100_000)),
  fc.constantFrom(deepObject, deepArray, prototypeKeys),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
)

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'entity', 'rows', 'sort', 'column', 'path', 'version', 'patch'),
  fc.string({ maxLength: 12 }),
)

/** Any value at all, of any shape: wrong types, wrong containers, hostile keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value

/** Valid-looking values for one input schema. */
export function validish(schema: z.ZodType): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return fromSchema(json, json, 0)
}

function fromSchema(schema: JsonSchema, root: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 10) return fc.constant(null)
  const next = (child: JsonSchema) => fromSchema(child, root, depth + 1)
  if (schema.$ref) return next(resolveRef(schema.$ref, root))
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return fc.oneof(...alternatives.map(next))
  if (schema.allOf?.[0]) return next(schema.allOf[0])
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => next({ ...schema, type })))
  switch (schema.type) {
    case 'string':
      return stringFor(schema)
    case 'integer':
      return integerFor(schema)
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e9,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array': {
      const minLength = schema.minItems ?? 0
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map(next))
      return fc.array(schema.items ? next(schema.items) : hostileLeaf, {
        minLength,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(minLength, 3)),
      })
    }
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, next(value)]))
      return fc.record(properties, { requiredKeys: schema.required ?? [] })
    }
    default:
      return hostileValue
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const dates = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  if (schema.format === 'date') return dates.map((date) => date.toISOString().slice(0, 10))
  if (schema.format === 'date-time') return dates.map((date) => date.toISOString())
  if (schema.format === 'email') return fc.emailAddress()
  const minLength = schema.minLength ?? 0
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40)
  const fits = (text: string) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity)
  if (schema.pattern) {
    const matching = fc.stringMatching(new RegExp(schema.pattern)).filter(fits)
    return fc.oneof(matching, fc.constantFrom(...sqlLike).filter(fits))
  }
  return fc.oneof(fc.string({ unit: 'grapheme', minLength, maxLength }), fc.constantFrom(...sqlLike).filter(fits))
}

function integerFor(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1000 : schema.exclusiveMinimum + 1)
  const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1e6 : schema.exclusiveMaximum - 1), 2 ** 31 - 1)
  // Mostly small values near the bottom of the range, so ids and versions often name real rows.
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 40) }), fc.integer({ min, max }))
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  if (ref === '#') return root
  const name = ref.replace(/^#\/\$defs\//, '')
  return root.$defs?.[name] ?? {}
}

type Mutation = 'replace' | 'delete' | 'add-key'

/** A valid-looking value with one part (picked by `where`) replaced, removed, or given an extra hostile key. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), hostileValue, hostileKey, fc.constantFrom<Mutation>('replace', 'delete', 'add-key'))
    .map(([sample, where, value, key, mutation]) => mutate(sample, where, value, key, mutation))
}

function mutate(sample: unknown, where: number, value: unknown, key: string, mutation: Mutation): unknown {
  const copy = structuredClone(sample)
  const holders = containers(copy)
  if (holders.length === 0) return value
  const target = holders[where % holders.length]!
  const keys = Object.keys(target)
  if (mutation === 'add-key' || keys.length === 0) {
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true })
  } else {
    const chosen = keys[where % keys.length]!
    if (mutation === 'delete') delete (target as Record<string, unknown>)[chosen]
    else (target as Record<string, unknown>)[chosen] = value
  }
  return copy
}

function containers(value: unknown): object[] {
  if (typeof value !== 'object' || value === null) return []
  return [value, ...Object.values(value).flatMap(containers)]
}
