/* global document, fetch, React, ReactDOM, GraphiQL */
// Runs in the browser, on the gateway's GraphiQL page: signs in, states purpose and case number, and sends both
// with every request GraphiQL makes. Served as-is; no build step.
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('dongseon-graphiql-config').textContent);
  const state = { token: '', signedInAs: '', generation: 0 };

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  const status = element('span', { class: 'ds-status', role: 'status' }, ['not signed in']);
  const purpose = element('input', { id: 'ds-purpose', placeholder: 'purpose, e.g. 도난차량 추적', size: '28' });
  const caseNumber = element('input', { id: 'ds-case-number', placeholder: 'case number, e.g. 2026-서울-0001', size: '20' });

  function setStatus(text, failed) {
    status.textContent = text;
    status.classList.toggle('ds-failed', Boolean(failed));
  }

  function signedIn(token, who) {
    state.token = token;
    state.signedInAs = who;
    state.generation += 1;
    setStatus(`signed in as ${who}`);
    render();
  }

  async function signInAsSampleUser(user) {
    setStatus('signing in…');
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
      setStatus(`sign-in failed: ${error.message}`, true);
    }
  }

  function signInControls() {
    if (config.devTokenPath) {
      const user = element('select', { id: 'ds-user', 'aria-label': 'sample user' },
        config.devUsers.map((sample) => element('option', { value: sample.name }, [sample.label])));
      const button = element('button', { type: 'button' }, ['Sign in (development)']);
      button.addEventListener('click', () => signInAsSampleUser(user.value));
      return [element('label', { for: 'ds-user' }, ['Sample user']), user, button];
    }
    const token = element('input', { id: 'ds-token', type: 'password', placeholder: 'access token', size: '40' });
    const button = element('button', { type: 'button' }, ['Use token']);
    button.addEventListener('click', () => signedIn(token.value.trim(), 'the pasted token'));
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

  async function fetcher(params) {
    const response = await fetch(config.graphqlPath, { method: 'POST', headers: requestHeaders(), body: JSON.stringify(params) });
    return response.json();
  }

  document.getElementById('dongseon-sign-in').append(
    ...signInControls(),
    element('label', { for: 'ds-purpose' }, ['Purpose']), purpose,
    element('label', { for: 'ds-case-number' }, ['Case number']), caseNumber,
    status,
  );

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  function render() {
    // A new key after each sign-in remounts GraphiQL, which then introspects again with the new identity.
    root.render(React.createElement(GraphiQL, { key: state.generation, fetcher, defaultEditorToolsVisibility: true }));
  }
  render();
})();
