/**
 * Timeline: consecutive phases (each starts on a day and lasts until the next begins) and dated
 * events. Processes declare the phases they are active in; events reach every process on their day.
 */
export interface Phase {
  name: string;
  startDay: number;
}

export interface TimelineEvent {
  day: number;
  type: string;
  [key: string]: unknown;
}

export class Timeline {
  readonly phases: readonly Phase[];
  private readonly eventsByDay = new Map<number, TimelineEvent[]>();

  constructor(phases: Phase[], events: TimelineEvent[] = []) {
    if (phases.length === 0) throw new Error('a timeline needs at least one phase');
    this.phases = [...phases].sort((a, b) => a.startDay - b.startDay);
    for (const e of events) {
      const list = this.eventsByDay.get(e.day) ?? [];
      list.push(e);
      this.eventsByDay.set(e.day, list);
    }
  }

  phaseAt(day: number): string {
    let name = this.phases[0].name;
    for (const p of this.phases) if (p.startDay <= day) name = p.name;
    return name;
  }

  eventsOn(day: number): readonly TimelineEvent[] {
    return this.eventsByDay.get(day) ?? [];
  }
}
