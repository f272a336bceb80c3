// The screen-reader line (src/renderer/components): announces what just happened ("Actor: Turkish Defense
// Minister Yaşar Güler") through a polite aria-live region that is visually hidden.
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';

export function LiveRegion() {
  const services = useServices();
  const message = useStore(services.announcer.message);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      data-testid="announcer"
      key={message.serial}
    >
      {message.text}
    </div>
  );
}
