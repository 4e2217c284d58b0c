// Type-to-filter for the agency <select> of /danh-gia (progressive enhancement: without this script the grouped
// native select works on its own). A text box above the select hides the options that do not match what is typed,
// with or without diacritics, by name or by a former xã/phường/thị trấn (data-former). The select stays the form's
// control, so keyboard and screen-reader use is the browser's own; a polite live region says how many remain.
(function () {
  'use strict';

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase()
      .replace(/\s+/g, ' ').trim();
  }

  function enhance(select) {
    var options = Array.prototype.slice.call(select.querySelectorAll('option[value]:not([value=""])'));
    var index = options.map(function (option) {
      return { option: option, text: fold(option.textContent + ' ' + (option.getAttribute('data-former') || '')) };
    });

    var wrapper = document.createElement('div');
    wrapper.className = 'agency-filter';
    var label = document.createElement('label');
    label.className = 'form-label form-label--small';
    label.setAttribute('for', 'agency-filter');
    label.textContent = 'Lọc danh sách cơ quan (gõ tên cơ quan, xã, phường, kể cả tên cũ)';
    var input = document.createElement('input');
    input.type = 'text';
    input.id = 'agency-filter';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('aria-controls', select.id);
    input.setAttribute('aria-describedby', 'agency-filter-status');
    var status = document.createElement('p');
    status.id = 'agency-filter-status';
    status.className = 'hint';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    wrapper.appendChild(status);
    select.parentNode.insertBefore(wrapper, select);

    var timer = null;
    function apply() {
      var query = fold(input.value);
      var matches = [];
      index.forEach(function (entry) {
        var shown = query === '' || entry.text.indexOf(query) !== -1;
        entry.option.hidden = !shown;
        entry.option.disabled = !shown && !entry.option.selected;
        if (shown) { matches.push(entry.option); }
      });
      Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
        group.hidden = !group.querySelector('option:not([hidden])');
      });
      if (query !== '' && matches.length >= 1 && (select.selectedIndex <= 0 || select.options[select.selectedIndex].hidden)) {
        matches[0].selected = true;
      }
      clearTimeout(timer);
      timer = setTimeout(function () {
        status.textContent = query === '' ? '' : matches.length === 0
          ? 'Không có cơ quan nào phù hợp. Xóa bớt chữ để xem lại danh sách.'
          : matches.length + ' cơ quan phù hợp. Đã chọn: ' + matches[0].textContent + '. Nhấn Tab để đến danh sách và đổi lựa chọn.';
      }, 300);
    }

    input.addEventListener('input', apply);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        // Enter picks the first match and moves on instead of submitting a half-filled form.
        event.preventDefault();
        select.focus();
      }
    });
  }

  var select = document.getElementById('agency');
  if (select && select.hasAttribute('data-filter')) {
    enhance(select);
  }
}());
