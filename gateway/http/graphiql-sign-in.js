/* global document, fetch, localStorage, atob, TextDecoder, React, ReactDOM, GraphiQL */
// Runs in the browser, on the gateway's GraphiQL page: signs in, states purpose and case number, and sends both
// with every request GraphiQL makes. GraphiQL mounts only once someone is signed in (in development as a sample
// user, at once), with the schema from the page's own asset and the trusted documents as tabs. Served as-is.
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('dongseon-graphiql-config').textContent);
  const state = { token: '', claims: null, generation: 0, schema: null };
  const tabsByQuery = new Map(config.tabs.map((tab) => [tab.query, tab]));

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  const status = element('span', { class: 'ds-status', role: 'status' }, ['로그인 전 · not signed in']);
  const purpose = element('input', { id: 'ds-purpose', placeholder: '조회 목적, 예: 도난차량 추적', size: '28' });
  const caseNumber = element('input', { id: 'ds-case-number', placeholder: '사건 번호, 예: 2026-서울-0001', size: '22' });

  function setStatus(text, failed) {
    status.textContent = text;
    status.classList.toggle('ds-failed', Boolean(failed));
  }

  /** The token's claims, read without verifying it: only to pick the tabs worth showing; the gateway decides. */
  function claimsOf(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      return claims && typeof claims === 'object' ? claims : null;
    } catch {
      return null;
    }
  }

  function mayRun(tab, claims) {
    return tab.access.every((rule) => (rule.agencies.length === 0 || rule.agencies.includes(claims.agency))
      && rule.scopes.every((scope) => (claims.scopes || []).includes(scope))
      && (claims.clearance || 0) >= rule.clearance);
  }

  function signedIn(token, who) {
    const claims = claimsOf(token);
    if (!claims) {
      setStatus('이 토큰은 읽을 수 없습니다 · that is not an access token', true);
      return;
    }
    state.token = token;
    state.claims = claims;
    state.generation += 1;
    setStatus(`${who} (${claims.sub}) 로그인됨 · signed in`);
    render();
  }

  async function signInAsSampleUser(user) {
    setStatus('로그인 중… · signing in…');
    try {
      const response = await fetch(config.devTokenPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.errors && body.errors[0] ? body.errors[0].message : response.statusText);
      signedIn(body.token, user);
    } catch (error) {
      setStatus(`로그인 실패 · sign-in failed: ${error.message}`, true);
    }
  }

  function signInControls() {
    if (config.devTokenPath) {
      const user = element('select', { id: 'ds-user', 'aria-label': 'sample user' },
        config.devUsers.map((sample) => element('option', { value: sample.name }, [sample.label])));
      if (config.defaultDevUser) user.value = config.defaultDevUser;
      const button = element('button', { type: 'button' }, ['Sign in (development)']);
      button.addEventListener('click', () => signInAsSampleUser(user.value));
      return [element('label', { for: 'ds-user' }, ['Sample user']), user, button];
    }
    const token = element('input', { id: 'ds-token', type: 'password', placeholder: 'access token', size: '40', autocomplete: 'off' });
    const button = element('button', { type: 'button' }, ['Use token']);
    const use = () => signedIn(token.value.trim(), 'your token');
    button.addEventListener('click', use);
    token.addEventListener('keydown', (event) => { if (event.key === 'Enter') use(); });
    return [element('label', { for: 'ds-token' }, ['Access token']), token, button];
  }

  function requestHeaders() {
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    if (state.token) headers.authorization = `Bearer ${state.token}`;
    // Header values are ISO-8859-1: the gateway percent-decodes the UTF-8 of these two.
    if (purpose.value.trim()) headers[config.purposeHeader] = encodeURIComponent(purpose.value.trim());
    if (caseNumber.value.trim()) headers[config.caseNumberHeader] = encodeURIComponent(caseNumber.value.trim());
    return headers;
  }

  /** A tab's unedited document goes by its trusted hash (all production accepts); anything else as text. */
  async function fetcher(params) {
    const tab = tabsByQuery.get(params.query);
    const body = tab
      ? { operationName: params.operationName, variables: params.variables, extensions: { persistedQuery: { version: 1, sha256Hash: tab.hash } } }
      : params;
    const response = await fetch(config.graphqlPath, { method: 'POST', headers: requestHeaders(), body: JSON.stringify(body) });
    return response.json();
  }

  /** GraphiQL keeps its tabs in localStorage; each signed-in subject gets their own, so a user sees their own tabs. */
  function storageFor(subject) {
    const prefix = `dongseon:${subject}:`;
    return {
      getItem: (key) => localStorage.getItem(prefix + key),
      setItem: (key, value) => localStorage.setItem(prefix + key, value),
      removeItem: (key) => localStorage.removeItem(prefix + key),
      clear: () => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).forEach((key) => localStorage.removeItem(key)),
      get length() { return Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length; },
    };
  }

  const newTabText = config.trustedOnly
    ? '# 새 탭 · New tab\n#\n# In production only the trusted documents run: pick one of the tabs above.\n'
    : '# 새 탭 · New tab\n#\n# Write an operation (Ctrl-Space completes, Ctrl-Enter runs it), or pick one of the\n# project\'s operations in the tabs above. Personal data needs a purpose and a case number.\n';

  document.getElementById('dongseon-sign-in').append(
    ...signInControls(),
    element('label', { for: 'ds-purpose' }, ['Purpose']), purpose,
    element('label', { for: 'ds-case-number' }, ['Case number']), caseNumber,
    status,
  );

  const main = document.getElementById('graphiql');
  const root = ReactDOM.createRoot(main);
  function render() {
    if (!state.claims || !state.schema) return;
    const tabs = config.trustedOnly ? config.tabs.filter((tab) => mayRun(tab, state.claims)) : config.tabs;
    const storage = storageFor(state.claims.sub);
    // GraphiQL fills the first tab's variables editor from its own props, not from defaultTabs.
    const firstOpening = storage.getItem('graphiql:tabState') === null && tabs.length > 0;
    // A new key after each sign-in remounts GraphiQL with that user's tabs.
    root.render(React.createElement(GraphiQL, {
      key: state.generation,
      fetcher,
      schema: state.schema,
      storage,
      ...(firstOpening ? { variables: tabs[0].variables } : {}),
      defaultTabs: tabs.map((tab) => ({ query: tab.query, variables: tab.variables })),
      defaultQuery: newTabText,
      defaultEditorToolsVisibility: 'variables',
      visiblePlugin: 'Documentation Explorer',
    }));
  }

  main.textContent = config.devTokenPath ? '로그인 중… · Signing in…' : '위에 액세스 토큰을 넣으세요 · Paste your access token above to start.';
  fetch(config.schemaPath).then((response) => response.json()).then((schema) => {
    state.schema = schema;
    render();
  }, (error) => setStatus(`스키마를 불러오지 못했습니다 · schema not loaded: ${error.message}`, true));
  if (config.devTokenPath && config.defaultDevUser) void signInAsSampleUser(config.defaultDevUser);
})();
