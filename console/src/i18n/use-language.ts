import { createContext, useContext, useMemo } from 'react';
import { translate, type Language, type MessageKey } from './messages.js';

export const LanguageContext = createContext<Language>('ko');

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/** `t(key, values)` in the console's current language; the same function until the language changes. */
export function useTranslate(): Translate {
  const language = useContext(LanguageContext);
  return useMemo<Translate>(() => (key, values) => translate(language, key, values), [language]);
}

export const useLanguage = (): Language => useContext(LanguageContext);
