import { useTranslate } from '../i18n/use-language.js';

/** The graph exposes no audit log yet: the screen says so instead of pretending. */
export function AuditScreen() {
  const t = useTranslate();
  return (
    <section aria-labelledby="ds-audit-title" className="ds-audit" data-testid="audit-screen">
      <h2 id="ds-audit-title">{t('audit.title')}</h2>
      <p>{t('audit.unavailable')}</p>
    </section>
  );
}
