import type { importsMethods } from '../../../shared/methods/imports'
import { writeBlankTemplate } from '../services/imports/blankTemplate'
import { cancelJob } from '../services/imports/jobs'
import {
  commitImport,
  errorRowsFile,
  importHistory,
  inspectImport,
  listMappingTemplates,
  previewImport,
  removeTemplate,
  saveTemplate,
} from '../services/imports/service'
import { undoBatch } from '../services/imports/undo'
import type { HandlerGroup } from './handlers'

/** Import from Excel and CSV: inspect, preview, commit, undo, saved mappings, the blank template. */
export const importsHandlers: HandlerGroup<typeof importsMethods> = {
  'imports.inspect': (core, input, meta) => inspectImport(core, input, meta.locale),
  'imports.preview': previewImport,
  'imports.commit': commitImport,
  'imports.cancel': (_core, input) => (cancelJob(input.jobId), { ok: true }),
  'imports.errorRows': errorRowsFile,
  'imports.history': (core, input) => importHistory(core, input.limit),
  'imports.undo': (core, input, meta) => undoBatch(core, input.batchId, input.force, meta),
  'imports.templates.list': listMappingTemplates,
  'imports.templates.save': saveTemplate,
  'imports.templates.delete': (core, input) => removeTemplate(core, input.id),
  'imports.blankTemplate': (core, input, meta) => writeBlankTemplate(core, input.entity, input.outPath, meta.locale),
}
