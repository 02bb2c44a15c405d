/*
 * A link to the auditors' pages (/audit/requests) where auditors already work: in Cockpit's
 * navigation and in Tasklist's header. Shown only to members of the groups that may open those
 * pages (auditor, camunda-admin); everyone else would only meet a refusal there. Loaded as a
 * "customScripts" entry of cockpit/scripts/config.js and tasklist/scripts/config.js: a custom
 * script's default export is a list of plugins, and each app renders the ones for its own plugin
 * points (Cockpit 7.24 plugin API: id, pluginPoint, priority, render(node, {api})).
 *
 * The label follows the language chosen with the ไทย / English switch (thai-locale.js sets
 * <html lang> before plugins render).
 */
const AUDIT_GROUPS = ['auditor', 'camunda-admin'];
const LABELS = {th: 'งานตรวจสอบ', en: 'Audit'};
const TITLES = {
  th: 'ค้นหาคำขอและอ่านประวัติทั้งหมดสำหรับผู้ตรวจสอบ',
  en: 'Find requests and read their whole history (auditors)'
};

function language() {
  return document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'th';
}

// The application's own pages sit beside the webapps: /camunda → /audit/requests.
function auditPagesUrl() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/[^/]*$/, '') + '/audit/requests';
}

async function json(url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    throw new Error(url + ': ' + response.status);
  }
  return response.json();
}

async function mayAudit(api) {
  const user = await json(api.adminApi + '/auth/user/' + encodeURIComponent(api.engine));
  const groups = await json(
    api.engineApi + '/group?member=' + encodeURIComponent(user.userId)
  );
  return groups.some(group => AUDIT_GROUPS.indexOf(group.id) > -1);
}

function render(node, {api}) {
  const link = document.createElement('a');
  link.className = 'cam-audit-link';
  link.href = auditPagesUrl();
  link.title = TITLES[language()];
  // hidden by style: the headers' CSS gives links a display that the hidden attribute loses to
  link.style.display = 'none';
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-search';
  icon.setAttribute('aria-hidden', 'true');
  link.appendChild(icon);
  link.appendChild(document.createTextNode(' ' + LABELS[language()]));
  node.appendChild(link);
  mayAudit(api)
    .catch(() => false)
    .then(allowed => {
      link.style.display = allowed ? '' : 'none';
      // decided: tests and styles can tell "not yet known" from "not for this user"
      link.setAttribute('data-access-checked', '');
    });
}

export default [
  {
    id: 'audit-requests',
    pluginPoint: 'cockpit.navigation',
    priority: 0,
    checkActive: () => false,
    render
  },
  {
    id: 'audit-requests',
    pluginPoint: 'tasklist.navbar.action',
    priority: 50,
    render
  }
];
