import { z } from 'zod'
import type { ColumnType } from '../columns'
import {
  CustomField,
  CustomFieldEntity,
  CustomFieldType,
  CustomValue,
  Opportunity,
  PicklistItem,
  Pipeline,
} from '../entities'
import { GridEntity } from '../enums'
import { Id, Name, Version } from '../primitives'
import { FilePath } from './backups'
import { ById, Done, method } from './define'
import { WrittenFile } from './imports'

/** Keys people choose for fields, picklists and pipelines: lower-case letters, digits and _. */
export const ConfigKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)

/** A stored picklist value: a key people chose, or the label an import created it from. */
export const PicklistValueKey = z.string().trim().min(1).max(100)

const Label = Name
const HelpText = z.string().trim().max(500).nullable()
const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .nullable()

// ───────────────────────────── custom fields ─────────────────────────────

const CustomFieldSettings = z.object({
  labelZh: Label,
  labelEn: Label,
  required: z.boolean(),
  /** Opportunity fields only: stages that require a value before a deal may enter them. */
  requiredStageIds: z.array(Id).max(100),
  defaultValue: CustomValue.nullable(),
  helpText: HelpText,
  /** Order among the entity's custom fields (grid columns, default form layout). */
  position: z.number().int().min(0).max(10_000),
})

export const CustomFieldCreate = CustomFieldSettings.partial({
  required: true,
  requiredStageIds: true,
  defaultValue: true,
  helpText: true,
  position: true,
})
  .extend({
    entity: CustomFieldEntity,
    key: ConfigKey,
    type: CustomFieldType,
    /** Required for picklist and multi-select fields: an existing list (built-in or custom). */
    picklistKey: ConfigKey.nullable().optional(),
  })
  .strict()
export type CustomFieldCreate = z.infer<typeof CustomFieldCreate>

/** Key and entity never change; the type changes through customFields.changeType. */
export const CustomFieldPatch = CustomFieldSettings.partial().strict()
export type CustomFieldPatch = z.infer<typeof CustomFieldPatch>

export const ConversionFailure = z.object({
  recordId: Id,
  value: z.unknown(),
  /** Why it does not convert, in English words for logs; the UI shows the code's sentence. */
  reason: z.string(),
})
export type ConversionFailure = z.infer<typeof ConversionFailure>

export const TypeChangeResult = z.object({
  /** Records whose value converts (or would convert, on a dry run). */
  converted: z.number().int().min(0),
  /** Every record whose value cannot be converted (at most 1,000 listed; failureCount counts them all). */
  failures: z.array(ConversionFailure),
  failureCount: z.number().int().min(0),
  /** Whether the change was made (false on a dry run). */
  applied: z.boolean(),
  /** The field after the change (unchanged on a dry run). */
  field: CustomField,
})
export type TypeChangeResult = z.infer<typeof TypeChangeResult>

// ───────────────────────────── grid columns ─────────────────────────────

/** One grid column as the renderer shows it: a built-in, or a custom field as `custom.<key>`. */
export const GridColumnInfo = z.object({
  key: z.string(),
  type: z.custom<ColumnType>((v) => typeof v === 'string'),
  labelZh: z.string(),
  labelEn: z.string(),
  /** Picklist key or enum name the values come from. */
  options: z.string().nullable(),
  editable: z.boolean(),
  width: z.number().int(),
  /** The custom field behind the column (null for built-ins); its type tells the editor (multi-select, checkbox, url...). */
  customFieldId: Id.nullable(),
  fieldType: CustomFieldType.nullable(),
  sortable: z.boolean(),
  groupable: z.boolean(),
  required: z.boolean(),
  helpText: z.string().nullable(),
})
export type GridColumnInfo = z.infer<typeof GridColumnInfo>

// ───────────────────────────── picklists ─────────────────────────────

export const PicklistList = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  /** Built-in lists (sources, industries, regions, product lines, loss reasons, follow-up types) cannot be removed. */
  builtin: z.boolean(),
  /** Follow-up types are fixed values: their labels, order, colours and active flags are editable, not the set. */
  fixedValues: z.boolean(),
  valueCount: z.number().int().min(0),
})
export type PicklistList = z.infer<typeof PicklistList>

export const PicklistValueInput = z
  .object({
    listKey: ConfigKey,
    /** The stored value. Records keep this key, so renaming labels never touches records. */
    value: PicklistValueKey,
    labelZh: Label,
    labelEn: Label,
    /** Position in the list; by default a new value goes last and an existing one stays. */
    sortOrder: z.number().int().min(0).max(100_000).optional(),
    color: Color.optional(),
    active: z.boolean().optional(),
  })
  .strict()
export type PicklistValueInput = z.infer<typeof PicklistValueInput>

export const PicklistMergeResult = z.object({
  /** Records (built-in columns and custom fields) that now hold `intoValue`. */
  moved: z.number().int().min(0),
  /** The audit batch the moves were written under. */
  batchId: z.string(),
})
export type PicklistMergeResult = z.infer<typeof PicklistMergeResult>

// ───────────────────────────── pipelines ─────────────────────────────

export const PipelineCreate = z
  .object({
    /** By default derived from the English name. */
    key: ConfigKey.optional(),
    nameZh: Label,
    nameEn: Label,
    /** Copy this pipeline's stages; by default one open stage plus won and lost. */
    copyStagesFrom: Id.optional(),
  })
  .strict()
export type PipelineCreate = z.infer<typeof PipelineCreate>

export const PipelinePatch = z.object({ nameZh: Label, nameEn: Label, active: z.boolean() }).partial().strict()
export type PipelinePatch = z.infer<typeof PipelinePatch>

export const PipelineMoveResult = z.object({
  opportunity: Opportunity,
  fromPipelineId: Id,
  fromStageId: Id,
  toStageId: Id,
  /** How the stage was chosen: given by the caller, same kind and position, or the first stage of the same kind. */
  mapping: z.enum(['given', 'position', 'kind']),
})
export type PipelineMoveResult = z.infer<typeof PipelineMoveResult>

// ───────────────────────────── form layouts ─────────────────────────────

/** Entities with a form layout: those that carry custom fields. */
export const LayoutEntity = CustomFieldEntity
export type LayoutEntity = z.infer<typeof LayoutEntity>

export const LayoutSection = z
  .object({
    key: ConfigKey,
    labelZh: Label,
    labelEn: Label,
    /** Built-in input fields (e.g. `amount`) and custom fields as `custom.<key>`, in order. */
    fields: z.array(z.string().max(64)).max(200),
  })
  .strict()
export type LayoutSection = z.infer<typeof LayoutSection>

export const FormLayout = z.object({
  entity: LayoutEntity,
  sections: z.array(LayoutSection),
  /** True while nobody saved a layout: the default one, which lists every field (new custom fields last). */
  isDefault: z.boolean(),
})
export type FormLayout = z.infer<typeof FormLayout>

// ───────────────────────────── configuration as a file ─────────────────────────────

export const ConfigPart = z.enum(['customField', 'picklist', 'picklistValue', 'pipeline', 'stage', 'layout', 'rules', 'template'])
export type ConfigPart = z.infer<typeof ConfigPart>

export const ConfigChange = z.object({
  part: ConfigPart,
  /** What it is, e.g. `opportunity.budget_code`, `source/website`, `new_business/quote`. */
  key: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'skip']),
  /** Why a part was skipped, or what an update changes. */
  note: z.string().nullable(),
})
export type ConfigChange = z.infer<typeof ConfigChange>

export const ConfigImportReport = z.object({
  /** False on a dry run; true once everything was applied in one transaction. */
  applied: z.boolean(),
  schemaVersion: z.number().int(),
  changes: z.array(ConfigChange),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    skip: z.number().int(),
  }),
})
export type ConfigImportReport = z.infer<typeof ConfigImportReport>

/**
 * Workspace configuration: custom fields, picklists, pipelines, form layouts,
 * and the whole setup as a file. Stages themselves are edited with stages.*.
 */
export const configMethods = {
  /** Live fields by default (ordered by entity, position); `includeDeleted` adds those in the trash. */
  'customFields.list': method(
    z.object({ entity: CustomFieldEntity.optional(), includeDeleted: z.boolean().default(false) }).strict(),
    z.array(CustomField),
  ),
  'customFields.create': method(CustomFieldCreate, CustomField),
  'customFields.update': method(z.object({ id: Id, version: Version, patch: CustomFieldPatch }).strict(), CustomField),
  /** To the trash: hidden everywhere, values kept on the records until the trash is emptied. */
  'customFields.delete': method(ById, Done),
  'customFields.restore': method(ById, CustomField),
  /** Empties one field from the trash: the definition and every record's value are gone for good. */
  'customFields.purge': method(ById, Done),
  /**
   * Converts every record's value to the new type. A dry run only reports. With failures and no
   * `clearUnconvertible`, refuses (CUSTOM_FIELD_UNCONVERTIBLE, the failures in details) and changes nothing;
   * with it, the unconvertible values are cleared (and audited).
   */
  'customFields.changeType': method(
    z
      .object({
        id: Id,
        version: Version,
        type: CustomFieldType,
        picklistKey: ConfigKey.nullable().optional(),
        dryRun: z.boolean().default(true),
        clearUnconvertible: z.boolean().default(false),
      })
      .strict(),
    TypeChangeResult,
  ),

  /** Built-in columns then live custom fields (as `custom.<key>`), with their types: what a grid can show. */
  'grid.columns': method(z.object({ entity: GridEntity }).strict(), z.array(GridColumnInfo)),

  'picklists.lists': method(z.object({}).strict(), z.array(PicklistList)),
  'picklists.createList': method(
    z.object({ key: ConfigKey, labelZh: Label, labelEn: Label }).strict(),
    PicklistList,
  ),
  /** Creates or updates one value (by listKey + value). */
  'picklists.saveValue': method(PicklistValueInput, PicklistItem),
  /** The list's values in their new order; every value of the list, once. */
  'picklists.reorder': method(
    z.object({ listKey: ConfigKey, values: z.array(PicklistValueKey).min(1).max(1000) }).strict(),
    z.array(PicklistItem),
  ),
  /** Moves every record from one value to the other (audited as a merge), then removes the first value. */
  'picklists.merge': method(
    z.object({ listKey: ConfigKey, fromValue: PicklistValueKey, intoValue: PicklistValueKey }).strict(),
    PicklistMergeResult,
  ),
  /** Removes a value no record uses (PICKLIST_VALUE_IN_USE otherwise: merge or deactivate it). */
  'picklists.deleteValue': method(z.object({ listKey: ConfigKey, value: PicklistValueKey }).strict(), Done),

  'pipelines.create': method(PipelineCreate, Pipeline),
  'pipelines.update': method(z.object({ id: Id, patch: PipelinePatch }).strict(), Pipeline),
  /** Every pipeline, once, in the new order. */
  'pipelines.reorder': method(z.object({ pipelineIds: z.array(Id).min(1).max(100) }).strict(), z.array(Pipeline)),
  /** Moves a deal to another pipeline; without `stageId` its stage is mapped by kind and position. */
  'opportunities.movePipeline': method(
    z.object({ id: Id, version: Version, pipelineId: Id, stageId: Id.optional() }).strict(),
    PipelineMoveResult,
  ),

  'layouts.get': method(z.object({ entity: LayoutEntity }).strict(), FormLayout),
  'layouts.save': method(
    z.object({ entity: LayoutEntity, sections: z.array(LayoutSection).min(1).max(50) }).strict(),
    FormLayout,
  ),
  /** Forgets the saved layout: back to the default. */
  'layouts.reset': method(z.object({ entity: LayoutEntity }).strict(), FormLayout),

  /** Writes the whole configuration as versioned JSON (by default into the workspace's exports folder). */
  'config.export': method(z.object({ outPath: FilePath.optional() }).strict(), WrittenFile),
  /** Reads a configuration file; a dry run reports what would change, otherwise it applies it in one transaction. */
  'config.import': method(z.object({ path: FilePath, dryRun: z.boolean().default(true) }).strict(), ConfigImportReport),
} as const
