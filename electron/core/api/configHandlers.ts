import type { configMethods } from '../../../shared/methods/config'
import { gridColumns } from '../services/config/columns'
import {
  createCustomField,
  deleteCustomField,
  listCustomFields,
  purgeCustomField,
  restoreCustomField,
  updateCustomField,
} from '../services/config/fields'
import { exportConfig, importConfig } from '../services/config/file'
import { getLayout, resetLayout, saveLayout } from '../services/config/layouts'
import { createList, deleteValue, listLists, mergeValues, reorderValues, saveValue } from '../services/config/picklists'
import { createPipeline, editPipeline, movePipeline, reorderAllPipelines } from '../services/config/pipelines'
import { changeFieldType } from '../services/config/typeChange'
import type { HandlerGroup } from './handlers'

/** Custom fields, picklists, pipelines, form layouts and the configuration as a file. */
export const configHandlers: HandlerGroup<typeof configMethods> = {
  'customFields.list': (core, input) => listCustomFields(core, input),
  'customFields.create': createCustomField,
  'customFields.update': updateCustomField,
  'customFields.delete': deleteCustomField,
  'customFields.restore': restoreCustomField,
  'customFields.purge': (core, input) => purgeCustomField(core, input),
  'customFields.changeType': changeFieldType,

  'grid.columns': (core, input) => gridColumns(core, input.entity),

  'picklists.lists': (core) => listLists(core),
  'picklists.createList': (core, input) => createList(core, input),
  'picklists.saveValue': (core, input) => saveValue(core, input),
  'picklists.reorder': (core, input) => reorderValues(core, input),
  'picklists.merge': mergeValues,
  'picklists.deleteValue': (core, input) => deleteValue(core, input),

  'pipelines.create': (core, input) => createPipeline(core, input),
  'pipelines.update': (core, input) => editPipeline(core, input),
  'pipelines.reorder': (core, input) => reorderAllPipelines(core, input),
  'opportunities.movePipeline': movePipeline,

  'layouts.get': (core, input) => getLayout(core, input.entity),
  'layouts.save': (core, input) => saveLayout(core, input),
  'layouts.reset': (core, input) => resetLayout(core, input.entity),

  'config.export': (core, input) => exportConfig(core, input),
  'config.import': importConfig,
}
