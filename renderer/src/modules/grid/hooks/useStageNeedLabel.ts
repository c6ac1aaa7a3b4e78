import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomFields } from '../../customFields/hooks/useCustomFields'
import { useLabels } from '../../reference/hooks/useLabels'
import { customKeyOfNeed, type StageNeed } from '../utils/stageRules'

/** The name of a field a stage needs: a built-in field's, or the custom field's label in the current language. */
export function useStageNeedLabel(): (need: string) => string {
  const { t } = useTranslation()
  const labels = useLabels()
  const fields = useCustomFields('opportunity')
  return useCallback(
    (need: string) => {
      const key = customKeyOfNeed(need as StageNeed)
      if (key === null) return t(`opportunityForm.fields.${need}`)
      const field = fields.find((f) => f.key === key)
      return field ? labels.bilingual(field.labelZh, field.labelEn) : key
    },
    [fields, labels, t],
  )
}
