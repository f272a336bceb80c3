// The import option "Suggest tags on import" (src/renderer/components), in the Suggestions tab (the header has
// no room to spare): off by default; when ticked, the offline suggester is asked about each import's new
// documents, whether they come through Import files… or are dropped on the window.
import { useServices } from '../hooks/use-services';
import { useStore } from '../hooks/use-store';

export function SuggestOnImport() {
  const { machineSuggestions } = useServices();
  const checked = useStore(machineSuggestions.suggestOnImport);
  return (
    <label className="suggest-on-import" title="Ask the offline suggester about the imported documents">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => machineSuggestions.suggestOnImport.set(event.target.checked)}
      />
      Suggest tags on import
    </label>
  );
}
