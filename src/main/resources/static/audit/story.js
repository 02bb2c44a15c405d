// Draws the request's process with bpmn-js (shipped with the service) and marks the steps it took.
(function () {
  var container = document.getElementById('diagram');
  if (!container || !window.BpmnJS) {
    return;
  }
  var taken = (container.getAttribute('data-path') || '').split(',').filter(Boolean);
  var viewer = new window.BpmnJS({ container: container });
  fetch(container.getAttribute('data-xml'), { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      taken.forEach(function (id) {
        if (registry.get(id)) {
          canvas.addMarker(id, 'taken');
        }
      });
      container.setAttribute('data-rendered', String(taken.filter(function (id) {
        return registry.get(id);
      }).length));
    })
    .catch(function (error) {
      container.textContent = 'แสดงแผนภาพไม่ได้: ' + error.message;
    });
})();
