/**
 * The body layouts a user may force instead of detection (Options › Read events as, `--shape`).
 * A module of its own: engine options name it, and the shapes module reads XML, whose reader
 * reports through the engine's types.
 */
export const SHAPE_OVERRIDES = ['flat', 'evtx', 'winlogbeat'] as const
export type ShapeOverride = (typeof SHAPE_OVERRIDES)[number]
