import type { UnitView } from '@/core/contract/views'
import ChipGroup from '@/components/ChipGroup'

const RELATION_NAMES = { owner: '业主', family: '家属', tenant: '租户' } as const

export interface UnitPickerProps {
  units: readonly UnitView[]
  value: string | null
  onChange: (unitId: string) => void
  /** Name of the choice, read by screen readers (e.g. 投诉房屋). */
  label: string
}

/** Which of the owner's bound units a request is for: room as the chip, community and relation below. */
export default function UnitPicker({ units, value, onChange, label }: UnitPickerProps) {
  return (
    <ChipGroup
      label={label}
      options={units.map((u) => ({ value: u.id, label: `${u.building}${u.unit}${u.room}`, sub: `${u.community} · ${RELATION_NAMES[u.relation]}` }))}
      value={value}
      onChange={onChange}
      className='unit-picker'
    />
  )
}
