// Service handlers for this user's preferences (src/main): read them, and change the settings a window may
// change (validated by the contract, then again by the preferences file's own schema before it is written).
// Other windows of the same user hear about the change, so a theme switched in one applies in all.
import type { ServiceHandlers } from '../dispatch';
import type { ServiceContext } from '../service-context';

type PreferencesHandlers = Pick<ServiceHandlers, 'preferences:get' | 'preferences:set'>;

export function preferencesHandlers(ctx: ServiceContext): PreferencesHandlers {
  return {
    'preferences:get': async () => ctx.preferences.get(),

    'preferences:set': async (change, caller) => {
      const preferences = await ctx.preferences.update((draft) => Object.assign(draft, change));
      ctx.events.publish({ kind: 'preferences-changed', preferences }, caller.clientId);
      return preferences;
    },
  };
}
