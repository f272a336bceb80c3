// What the screen reader hears (src/renderer/stores): one polite live message at a time, e.g. "Actor: Turkish
// Defense Minister Yaşar Güler" after a tag. Repeating the same words is announced again (a counter changes).
import { observable } from './observable';

export interface Announcement {
  text: string;
  serial: number;
}

export function createAnnouncer() {
  const message = observable<Announcement>({ text: '', serial: 0 });
  return {
    message,
    say(text: string) {
      message.update((current) => ({ text, serial: current.serial + 1 }));
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;
