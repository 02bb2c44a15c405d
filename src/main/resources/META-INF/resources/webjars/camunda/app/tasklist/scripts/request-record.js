/*
 * How the request forms show what the service's own record says of a request
 * (GET /api/requests/{key}): signatures, the reason of the latest return, the personal-data
 * findings and the files as the service judged them. The service keeps none of these as process
 * variables; the embedded forms (prepare-, approve- and publish-request.html) read the record and
 * format it here, once. Loaded as a "customScripts" entry of tasklist/scripts/config.js, before any
 * form opens; it adds no plugin.
 */
function signed(signature) {
  if (!signature) {
    return '';
  }
  return signature.name
    + (signature.position ? ' ตำแหน่ง ' + signature.position : '')
    + ' · ' + signature.signedAtThai;
}

// one line a finding: where, what kind, the value masked
function findingsText(record) {
  return (record.personalData || [])
    .map(f => f.source + ': ' + f.kindThai + ' ' + f.masked)
    .join('\n');
}

// one line a file: name, type as judged by content, size
function filesText(record) {
  return (record.attachments || [])
    .map(a => a.fileName + ' (' + a.mediaType + ', ' + Math.max(1, Math.floor(a.size / 1024)) + ' KB)')
    .join('\n');
}

// who returned the request and why, while a return is the latest word on it
function returnReason(record) {
  const signatures = record.signatures || [];
  const last = signatures[signatures.length - 1];
  if (!last || last.decision !== 'return') {
    return '';
  }
  const who = last.role === 'approver' ? 'หัวหน้าหน่วยงาน' : 'ผู้นำข้อมูลขึ้นเผยแพร่';
  return who + ' ' + signed(last) + ': ' + last.comment;
}

// what the approval and publishing forms show of the screening and the files
function findingsAndFiles(record) {
  return {
    personalDataFound: (record.personalData || []).length > 0,
    personalDataFindings: findingsText(record),
    attachmentsSummary: filesText(record)
  };
}

window.requestRecord = {signed, findingsText, findingsAndFiles, returnReason};

export default [];
