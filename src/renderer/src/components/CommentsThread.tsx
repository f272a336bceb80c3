// A short review thread on the selected span (src/renderer/components): who said what and when, a field to
// add a remark, and removing one's own. Comments travel in the native package with the layers.
import { useState, type FormEvent } from 'react';
import type { Annotator, LayerId } from '@shared/model';
import { useStore } from '../hooks/use-store';
import type { DocumentSession } from '../stores/document-session';

export interface CommentsThreadProps {
  session: DocumentSession;
  layer: LayerId;
  spanId: string;
  annotators: readonly Annotator[];
  me: string | null;
}

export function CommentsThread({ session, layer, spanId, annotators, me }: CommentsThreadProps) {
  useStore(session.version);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const comments = session.commentsOn(layer, 'span', spanId);
  const nameOf = (id: string) => annotators.find((a) => a.id === id)?.name ?? id;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = await session.addComment({ layer, kind: 'span', id: spanId }, text.trim());
    setError(problem);
    if (problem === null) setText('');
  };
  return (
    <section className="comments" aria-label="Comments">
      {comments.length > 0 && (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <strong>{nameOf(comment.author)}</strong>{' '}
              <time dateTime={comment.at}>{new Date(comment.at).toLocaleString()}</time>
              <p>{comment.text}</p>
              {comment.author === me && (
                <button type="button" onClick={() => void session.removeComment(comment.id).then(setError)}>
                  Remove my comment
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(event) => void submit(event)} className="comment-form">
        <label className="field">
          Comment
          <textarea
            rows={2}
            value={text}
            maxLength={4000}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit" disabled={text.trim() === ''}>
          Add comment
        </button>
      </form>
      {error !== null && <p role="alert">{error}</p>}
    </section>
  );
}
