/** A store whose work claims take `ms` longer, calling `onClaimed` once each claim is written. */
import type { Store } from '../../src/core/store/types.ts';

export function slowClaims(store: Store, ms: number, onClaimed: () => void): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'claimWork') {
        return async (...args: Parameters<Store['claimWork']>) => {
          await new Promise((r) => setTimeout(r, ms));
          const result = await target.claimWork(...args);
          onClaimed();
          return result;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
