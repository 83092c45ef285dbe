// Draws the attendance case process with bpmn-js (vendored under /js/vendor/bpmn-js, its licence beside it) and puts
// the number of live cases on each step, read from the table on the page, each a link to the cases. The model is
// large, so the drawing opens readable at its top left; buttons zoom, and each row of the table can show its step.
// Without JavaScript, or if the diagram cannot be drawn, the table alone shows the same numbers.
(function () {
  var canvasElement = document.getElementById('process-canvas');
  if (!canvasElement || typeof window.BpmnJS !== 'function' || !window.fetch) {
    return;
  }

  function button(text, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'govuk-button govuk-button--secondary govuk-!-margin-bottom-2 govuk-!-margin-right-2';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  fetch(canvasElement.getAttribute('data-diagram'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The process model could not be loaded: ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) {
      canvasElement.hidden = false;
      var viewer = new window.BpmnJS({ container: canvasElement });
      return viewer.importXML(xml).then(function () {
        var canvas = viewer.get('canvas');
        var overlays = viewer.get('overlays');
        var registry = viewer.get('elementRegistry');
        var whole = canvas.viewbox().inner;
        function readable() {
          canvas.zoom(0.7);
          var box = canvas.viewbox();
          canvas.viewbox({ x: whole.x - 20, y: whole.y - 20, width: box.width, height: box.height });
        }
        readable();

        var controls = document.createElement('div');
        controls.className = 'govuk-button-group';
        controls.appendChild(button('Zoom in', function () { canvas.zoom(canvas.zoom() * 1.25); }));
        controls.appendChild(button('Zoom out', function () { canvas.zoom(canvas.zoom() / 1.25); }));
        controls.appendChild(button('The whole process', function () { canvas.zoom('fit-viewport'); }));
        controls.appendChild(button('Back to the start', readable));
        canvasElement.parentNode.insertBefore(controls, canvasElement);

        document.querySelectorAll('#steps [data-activity-id]').forEach(function (row) {
          var id = row.getAttribute('data-activity-id');
          var element = registry.get(id);
          if (!element) {
            return;
          }
          var link = document.createElement('a');
          link.href = row.getAttribute('data-href');
          link.className = 'app-process-count';
          link.textContent = row.getAttribute('data-count');
          link.setAttribute('aria-label', row.getAttribute('data-count') + ' cases waiting at: '
            + row.getAttribute('data-name'));
          overlays.add(id, { position: { top: -12, right: 12 }, html: link });

          var show = button('Show on the diagram', function () {
            canvas.zoom(0.9);
            canvas.scrollToElement(element);
            canvasElement.scrollIntoView({ behavior: 'smooth', block: 'center' });
          });
          show.className = 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-show-step';
          var cell = document.createElement('td');
          cell.className = 'govuk-table__cell';
          cell.appendChild(show);
          row.appendChild(cell);
        });
        var header = document.querySelector('#steps thead tr');
        if (header) {
          var th = document.createElement('th');
          th.scope = 'col';
          th.className = 'govuk-table__header';
          th.innerHTML = '<span class="govuk-visually-hidden">On the diagram</span>';
          header.appendChild(th);
        }
      });
    })
    .catch(function () {
      canvasElement.hidden = true;
    });
})();
