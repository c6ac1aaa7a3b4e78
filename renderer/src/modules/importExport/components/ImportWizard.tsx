import { Steps } from 'antd'
import { useTranslation } from 'react-i18next'
import { useImportWizard } from '../hooks/useImportWizard'
import type { WizardStep } from '../utils/wizardStore'
import { DoneStep } from './DoneStep'
import { FileStep } from './FileStep'
import { MappingStep } from './MappingStep'
import { PreviewStep } from './PreviewStep'

const steps: WizardStep[] = ['file', 'mapping', 'preview', 'done']

/** Import from Excel or CSV: file, mapping and options, dry run, import; each step's work is done by the core. */
export function ImportWizard() {
  const { t } = useTranslation()
  const wizard = useImportWizard()
  const { step, inspection, job } = wizard.state
  const current = steps.indexOf(step)
  // A step can be revisited once the file is read; none while a job runs, and nothing after the import but a fresh start.
  const reachable = (index: number) => inspection !== null && !job && step !== 'done' && index < steps.length - 1

  return (
    <>
      <Steps
        current={current}
        onChange={(index) => reachable(index) && wizard.goTo(steps[index]!)}
        items={steps.map((key, index) => ({ key, title: t(`importExport.steps.${key}`), disabled: !reachable(index) }))}
        style={{ marginBottom: 24 }}
      />
      {step === 'file' && <FileStep wizard={wizard} />}
      {step === 'mapping' && inspection && <MappingStep wizard={wizard} />}
      {step === 'preview' && inspection && <PreviewStep wizard={wizard} />}
      {step === 'done' && <DoneStep wizard={wizard} />}
    </>
  )
}
