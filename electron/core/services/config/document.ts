import { z } from 'zod'
import { CustomFieldEntity, CustomFieldType, CustomValue, Stage } from '../../../../shared/entities'
import { ImportEntity } from '../../../../shared/methods/imports'
import { AssignmentMatchField, AssignmentRuleInput, LoopConfig } from '../../../../shared/methods/loop'
import { LayoutSection } from '../../../../shared/methods/config'

/** Bumped when the file's shape changes; older files are read, newer ones refused. */
export const CONFIG_FORMAT_VERSION = 1

const StageDoc = Stage.omit({ id: true, pipelineId: true })

/** People travel by name: ids differ from one workspace to the next. */
const AssignToDoc = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), user: z.string() }),
  z.object({ type: z.literal('roundRobin'), users: z.array(z.string()).min(1) }),
])

/** A workspace's whole configuration, as `config.export` writes it. Keys, not ids, tie the parts together. */
export const ConfigDocument = z.object({
  format: z.literal('workbench-config'),
  version: z.number().int().min(1).max(CONFIG_FORMAT_VERSION),
  exportedAt: z.string(),
  picklists: z.array(
    z.object({
      key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
      labelZh: z.string(),
      labelEn: z.string(),
      values: z.array(
        z.object({
          value: z.string().min(1).max(100),
          labelZh: z.string(),
          labelEn: z.string(),
          sortOrder: z.number().int(),
          color: z.string().nullable(),
          active: z.boolean(),
        }),
      ),
    }),
  ),
  pipelines: z.array(
    z.object({
      key: z.string().min(1).max(60),
      nameZh: z.string(),
      nameEn: z.string(),
      sortOrder: z.number().int(),
      active: z.boolean(),
      stages: z.array(StageDoc),
    }),
  ),
  customFields: z.array(
    z.object({
      entity: CustomFieldEntity,
      key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
      labelZh: z.string(),
      labelEn: z.string(),
      type: CustomFieldType,
      picklistKey: z.string().nullable(),
      required: z.boolean(),
      /** `pipelineKey/stageKey` of each stage that requires the field. */
      requiredStages: z.array(z.string()),
      defaultValue: CustomValue.nullable(),
      helpText: z.string().nullable(),
      position: z.number().int(),
    }),
  ),
  layouts: z.array(z.object({ entity: CustomFieldEntity, sections: z.array(LayoutSection) })),
  rules: z.object({
    loop: LoopConfig,
    assignment: z.array(
      AssignmentRuleInput.omit({ id: true, assignTo: true }).extend({ matchField: AssignmentMatchField.nullable(), assignTo: AssignToDoc }),
    ),
  }),
  templates: z.array(z.object({ entity: ImportEntity, name: z.string(), fingerprint: z.string().nullable(), mapping: z.unknown() })),
})
export type ConfigDocument = z.infer<typeof ConfigDocument>
