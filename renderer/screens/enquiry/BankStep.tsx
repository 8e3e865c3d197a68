import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bankCodeEdition, searchBanks } from '../../../app/domain/banks';
import type { Bank } from '../../../app/domain/banks';
import { BANKS, bankByIin, bankName, bankSelectable, recentBankIins } from '../../banks';
import { IconBank, IconCheck, IconEdit, IconSearch } from '../../components/Icons';
import { LetterPad } from '../../components/LetterPad';
import { useKiosk } from '../../store';
import { useFlowStepActions, useFlowStepState, type StepFlow } from '../../store/flow-steps';
import { StepFrame } from './StepFrame';
import { UnlistedBankEntry } from './UnlistedBankEntry';

/** The customer's bank: the enquiry flow's step (a bank not in the list may be entered by its IIN). */
export function BankStep() {
  return <BankChooser flow="enquiry" words="bank" id="bank" allowUnlisted />;
}

/** Usable banks first (stable), so Enter on the first match never lands on one that cannot be chosen. */
function usableFirst(banks: Bank[], usable: (b: Bank) => boolean): Bank[] {
  return [...banks.filter(usable), ...banks.filter((b) => !usable(b))];
}

/** How many banks the list shows at once: the whole step fits a 1280×800 screen, no list scrolls inside it. */
export const BANKS_SHOWN = 6;

/**
 * A searchable bank picker (ARIA combobox + listbox), touch-first: the counter's recent banks and
 * the most used banks first; a letter keyboard beside it, and a search that knows each bank's
 * Hindi name and short names and ignores dots, spaces and case. A tap on a bank chooses it and
 * moves on; by keyboard ↑/↓ move, Enter picks the highlighted bank, Enter again continues.
 * At most BANKS_SHOWN banks show (the chosen one always among them): more letters narrow the rest.
 * A bank the counter's Eko request edition has no code for is shown, disabled, with a short reason.
 */
export function BankChooser({
  flow,
  words,
  id,
  recentIins,
  allowUnlisted = false,
}: {
  flow: StepFlow;
  /** Where the step's title and "choose a bank" problem are. */
  words: 'bank' | 'dailyAuth.bank';
  id: string;
  /** Banks to put first; default: the banks this counter used last. */
  recentIins?: string[];
  /** A bank not in the list may be entered by its IIN (the customer's enquiry; the spec edition only). */
  allowUnlisted?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [title, required] = [t(`${words}.title`), t(`${words}.required`)];
  const edition = useKiosk((s) => bankCodeEdition(flow, s.session.appInfo?.ekoEdition ?? 'spec'));
  const { bankIin, attempted } = useFlowStepState(flow);
  const { setBank, next: advance, back: onBack } = useFlowStepActions(flow);
  const next = () => void advance();
  const [query, setQuery] = useState('');
  const [byIin, setByIin] = useState(false);
  const recent = useMemo(() => recentIins ?? recentBankIins(), [recentIins]);
  const usable = (b: Bank) => bankSelectable(b, edition);
  const someUnusable = edition === 'current' && BANKS.some((b) => !usable(b));
  const matches = useMemo(() => usableFirst(searchBanks(BANKS, query, recent), (b) => bankSelectable(b, edition)), [query, recent, edition]);
  // The chosen bank stays in view (coming back to this step, or after a search that would hide it).
  const shown = useMemo(() => {
    const first = matches.slice(0, BANKS_SHOWN);
    const chosen = query.trim() === '' ? matches.find((b) => b.iin === bankIin) : undefined;
    return chosen && !first.includes(chosen) ? [chosen, ...first.slice(0, BANKS_SHOWN - 1)] : first;
  }, [matches, bankIin, query]);
  const hidden = matches.length - shown.length;
  // Coming back to this step: the highlighted bank is the one chosen before.
  const [active, setActive] = useState(() => Math.max(0, shown.findIndex((b) => b.iin === bankIin)));
  const selected = bankByIin(bankIin);
  const activeBank = shown[Math.min(active, shown.length - 1)];
  const nameOf = (b: Bank) => bankName(b, i18n.language).name;

  const search = (q: string) => {
    setQuery(q);
    setActive(0);
  };
  const moveTo = (i: number) => setActive(Math.max(0, Math.min(shown.length - 1, i)));

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      moveTo(active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      moveTo(active - 1);
    } else if (e.key === 'Home' && e.ctrlKey) {
      moveTo(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (activeBank && activeBank.iin !== bankIin && usable(activeBank)) {
        setBank(activeBank.iin);
      } else {
        next();
      }
    } else if (e.key === 'Escape') {
      search('');
    }
  };

  const problem = attempted && !(selected && usable(selected)) ? required : null;
  // An unlisted bank needs the IIN as its bank_code: the current edition sends IFSC prefixes instead.
  const offerIin = allowUnlisted && edition !== 'current';
  if (byIin) {
    return (
      <UnlistedBankEntry
        id={id}
        onBack={() => setByIin(false)}
        onUse={(iin) => {
          setBank(iin);
          next();
        }}
      />
    );
  }
  return (
    <StepFrame
      id={id}
      title={title}
      onContinue={next}
      onBack={onBack}
      actionsInSide
      side={
        <div className="bank-side">
          <div className="selected-bank" aria-live="polite" data-testid="selected-bank">
            <p className="field-label">{t('bank.selected')}</p>
            {selected ? (
              <div className="selected-bank-card">
                <IconCheck size={24} className="ok-icon" />
                <div>
                  <p className="selected-bank-name">{nameOf(selected)}</p>
                  <p className="muted small">
                    {selected.short && `${selected.short} · `}
                    {t('bank.iin', { iin: selected.iin })}
                  </p>
                </div>
              </div>
            ) : (
              <p className="muted">{t('result.none')}</p>
            )}
          </div>
          <LetterPad
            controls="bank-search"
            onKey={(k) => search(query + (query === '' && k === ' ' ? '' : k))}
            onBackspace={() => search(query.slice(0, -1))}
            onClear={() => search('')}
          />
        </div>
      }
    >
      <div className="field">
        <label htmlFor="bank-search" className="field-label">
          {t('bank.label')}
        </label>
        <div className="search-wrap">
          <IconSearch size={22} className="search-icon" />
          <input
            id="bank-search"
            className="input input-search"
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls="bank-list"
            aria-autocomplete="list"
            aria-activedescendant={activeBank ? `bank-opt-${activeBank.iin}` : undefined}
            aria-describedby={problem ? 'bank-hint bank-problem' : 'bank-hint'}
            aria-invalid={problem ? true : undefined}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={query}
            onChange={(e) => search(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
        <p id="bank-hint" className="field-hint">
          {t('bank.hint')} · {t('bank.count', { count: matches.length })}
        </p>
        {someUnusable && (
          <p className="field-hint" data-testid="bank-unavailable-note">
            {t('bank.unavailableNote')}
          </p>
        )}
        {problem && (
          <p id="bank-problem" className="field-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="notice notice-info" role="status">
          {t('bank.noMatch', { query: query.trim() })}
        </p>
      ) : (
        <ul
          id="bank-list"
          className="bank-list bank-grid"
          role="listbox"
          aria-label={query.trim() === '' ? t('bank.mostUsed') : t('bank.listLabel')}
          data-testid="bank-list"
        >
          {shown.map((b, i) => {
            const isSel = b.iin === bankIin;
            const isRecent = recent.includes(b.iin);
            const disabled = !usable(b);
            const names = bankName(b, i18n.language);
            return (
              <li
                key={b.iin}
                id={`bank-opt-${b.iin}`}
                role="option"
                aria-selected={isSel}
                aria-disabled={disabled || undefined}
                className={`bank-option${i === active ? ' is-active' : ''}${isSel ? ' is-selected' : ''}${disabled ? ' is-disabled' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setActive(i);
                  if (disabled) return;
                  // A tap chooses and moves on (the next step's Back returns here).
                  setBank(b.iin);
                  next();
                }}
              >
                <IconBank size={22} className="bank-option-icon" />
                <span className="bank-option-text">
                  <span className="bank-option-name" lang={names.other ? 'hi' : undefined}>
                    {names.name}
                  </span>
                  <span className="bank-option-meta">
                    {disabled && <span className="tag tag-off">{t('bank.unavailable')}</span>}
                    {isRecent && !disabled && <span className="tag">{t('bank.recent')}</span>}
                    <span className="muted small">
                      {names.other && `${names.other} · `}
                      {b.short} · {b.iin}
                    </span>
                  </span>
                </span>
                {isSel && <IconCheck size={22} className="ok-icon" />}
              </li>
            );
          })}
        </ul>
      )}
      {(hidden > 0 || offerIin) && (
        <div className="bank-foot">
          {hidden > 0 && (
            <p className="field-hint" data-testid="bank-more">
              {t('bank.more', { count: hidden })}
            </p>
          )}
          {offerIin && (
            <button type="button" className="button button-secondary bank-by-iin" onClick={() => setByIin(true)} data-testid="bank-by-iin">
              <IconEdit size={20} />
              {t('bank.unlisted.open')}
            </button>
          )}
        </div>
      )}
    </StepFrame>
  );
}
