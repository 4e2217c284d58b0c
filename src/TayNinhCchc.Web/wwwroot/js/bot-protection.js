// Anti-bot check on citizen forms (rendered by the <bot-protection> tag helper, checked by BotProtection/ on the server).
// Proof of work: a Web Worker (pow-worker.js) solves the challenge while the citizen fills in the form.
// reCAPTCHA v3: a token is asked from Google when the form is sent, since its tokens expire after two minutes.
// If the citizen sends before the answer is ready, the submission waits for it, with a polite status line. Whatever
// goes wrong (no worker, Google unreachable, too slow), the form is still sent: the server flags it for review.
(() => {
  'use strict';

  const WAITING_MESSAGE = 'Đang kiểm tra chống gửi tự động…';
  // Past this, the form goes without the answer rather than keep a citizen waiting.
  const WAIT_LIMIT_MS = 20000;

  function protect(box) {
    const form = box.closest('form');
    if (!form || box.dataset.botReady) {
      return;
    }
    box.dataset.botReady = 'true';

    const status = box.querySelector('[data-bot-status]');
    const gate = holdSubmission(form, status);
    if (box.dataset.botProtection === 'recaptcha') {
      useRecaptcha(box, form, gate);
    } else {
      useProofOfWork(box, form, gate);
    }
  }

  // Holds submit events until `release()` is called, then sends the form as the citizen asked (same submit button).
  function holdSubmission(form, status) {
    let released = false;
    let waiting = false;
    let submitter = null;
    let onWait = () => {};

    const release = () => {
      if (released) {
        return;
      }
      released = true;
      if (!waiting) {
        return;
      }
      status.textContent = '';
      // A form ignores submit requests made while its submit event is still being dispatched, so send it next tick.
      window.setTimeout(() => {
        if (typeof form.requestSubmit === 'function') {
          form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
        } else {
          form.submit();
        }
      }, 0);
    };

    form.addEventListener('submit', (event) => {
      if (released) {
        return;
      }
      event.preventDefault();
      if (waiting) {
        return;
      }
      waiting = true;
      submitter = event.submitter || null;
      status.textContent = WAITING_MESSAGE;
      window.setTimeout(release, WAIT_LIMIT_MS);
      onWait();
    });

    return {
      release,
      whenWaiting(callback) {
        onWait = callback;
      },
    };
  }

  function useProofOfWork(box, form, gate) {
    const challenge = form.querySelector('input[name="bot-challenge"]');
    const nonce = form.querySelector('input[name="bot-nonce"]');
    let worker;
    try {
      worker = new Worker(box.dataset.worker);
    } catch {
      gate.release();
      return;
    }

    worker.onmessage = (event) => {
      nonce.value = event.data.nonce;
      worker.terminate();
      gate.release();
    };
    worker.onerror = () => gate.release();
    worker.postMessage({ token: challenge.value, difficulty: Number(box.dataset.difficulty) });
  }

  function useRecaptcha(box, form, gate) {
    const response = form.querySelector('input[name="g-recaptcha-response"]');
    gate.whenWaiting(() => {
      const recaptcha = window.grecaptcha;
      if (!recaptcha || typeof recaptcha.ready !== 'function') {
        gate.release();
        return;
      }
      recaptcha.ready(() => {
        recaptcha.execute(box.dataset.siteKey, { action: box.dataset.action }).then(
          (token) => {
            response.value = token;
            gate.release();
          },
          () => gate.release());
      });
    });
  }

  document.querySelectorAll('[data-bot-protection]').forEach(protect);
})();
