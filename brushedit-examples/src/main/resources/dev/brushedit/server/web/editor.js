// The brushedit web editor: plain JavaScript over the server's JSON API (see /openapi.yaml).
// State: the current image, the painted mask, the turns applied (undo) and undone (redo).
'use strict';

const $ = (id) => document.getElementById(id);
const imageCanvas = $('image-canvas');
const maskCanvas = $('mask-canvas');
const state = { current: null, turns: [], undone: [], job: null, source: null };

function setError(text) { $('error').textContent = text || ''; }
function setStatus(text) { $('status').textContent = text; }

function loadImage(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('not an image the browser can read'));
    img.src = src;
  });
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function showCurrent(dataUrl) {
  const img = await loadImage(dataUrl);
  state.current = dataUrl;
  for (const c of [imageCanvas, maskCanvas]) {
    if (c.width !== img.naturalWidth || c.height !== img.naturalHeight) {
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
    }
  }
  imageCanvas.getContext('2d').drawImage(img, 0, 0);
}

function clearMask() {
  maskCanvas.getContext('2d').clearRect(0, 0, maskCanvas.width, maskCanvas.height);
}

// Draws a mask image (white = selected) onto the paint canvas.
async function paintMaskFrom(dataUrl) {
  const img = await loadImage(dataUrl);
  const tmp = document.createElement('canvas');
  tmp.width = maskCanvas.width;
  tmp.height = maskCanvas.height;
  const t = tmp.getContext('2d');
  t.drawImage(img, 0, 0, tmp.width, tmp.height);
  const px = t.getImageData(0, 0, tmp.width, tmp.height);
  const out = maskCanvas.getContext('2d').createImageData(tmp.width, tmp.height);
  for (let i = 0; i < px.data.length; i += 4) {
    if (px.data[i] >= 128) { out.data[i] = 255; out.data[i + 3] = 255; }
  }
  maskCanvas.getContext('2d').putImageData(out, 0, 0);
}

// The painted mask as a black-and-white PNG data URL, or null when nothing is painted.
function maskPng() {
  if (!maskCanvas.width) { return null; }
  const px = maskCanvas.getContext('2d').getImageData(0, 0, maskCanvas.width, maskCanvas.height);
  const out = document.createElement('canvas');
  out.width = maskCanvas.width;
  out.height = maskCanvas.height;
  const o = out.getContext('2d');
  const data = o.createImageData(out.width, out.height);
  let any = false;
  for (let i = 0; i < px.data.length; i += 4) {
    const on = px.data[i + 3] > 0;
    any = any || on;
    const v = on ? 255 : 0;
    data.data[i] = v; data.data[i + 1] = v; data.data[i + 2] = v; data.data[i + 3] = 255;
  }
  if (!any) { return null; }
  o.putImageData(data, 0, 0);
  return out.toDataURL('image/png');
}

function canvasPoint(e) {
  const r = maskCanvas.getBoundingClientRect();
  return [(e.clientX - r.left) * maskCanvas.width / r.width, (e.clientY - r.top) * maskCanvas.height / r.height];
}

let painting = false;
maskCanvas.addEventListener('pointerdown', (e) => { painting = true; paint(e); });
maskCanvas.addEventListener('pointermove', (e) => { if (painting) { paint(e); } });
window.addEventListener('pointerup', () => { painting = false; });
function paint(e) {
  const [x, y] = canvasPoint(e);
  const g = maskCanvas.getContext('2d');
  const scale = maskCanvas.width / maskCanvas.getBoundingClientRect().width;
  g.fillStyle = 'rgb(255,0,0)';
  g.beginPath();
  g.arc(x, y, Number($('brush').value) * scale / 2, 0, 2 * Math.PI);
  g.fill();
}

function planFromForm() {
  const box = $('plan-box').value.trim();
  const plan = {
    category: $('plan-category').value,
    targetObject: $('plan-object').value,
    targetCaption: $('plan-caption').value,
    instruction: $('instruction').value,
  };
  if (box) { plan.box = box.split(',').map((v) => Number(v.trim())); }
  if (state.lastPlan && state.lastPlan.motion) { plan.motion = state.lastPlan.motion; }
  return plan;
}

function showPlan(plan, executor) {
  state.lastPlan = plan;
  $('plan-category').value = plan.category;
  $('plan-object').value = plan.targetObject;
  $('plan-caption').value = plan.targetCaption;
  $('plan-box').value = plan.box ? plan.box.join(',') : '';
  $('plan-executor').textContent = executor ? 'executor: ' + executor : '';
}

function busy(on) {
  $('run').disabled = on;
  $('rerun').disabled = on || state.turns.length === 0;
  $('cancel').disabled = !on;
  $('undo').disabled = on || state.turns.length === 0;
  $('redo').disabled = on || state.undone.length === 0;
  $('use-mask').disabled = on || state.turns.length === 0;
}

function renderTurns() {
  const list = $('turns');
  list.innerHTML = '';
  for (const t of state.turns) {
    const li = document.createElement('li');
    li.textContent = t.instruction + ' -> ' + t.plan.category + ' "' + t.plan.targetObject + '" (' + t.executor + ')';
    list.appendChild(li);
  }
}

// Runs an edit job on `input` and follows its events; `replace` re-runs the last turn.
async function runEdit(input, body, replace) {
  setError('');
  busy(true);
  setStatus('queued');
  $('progress').value = 0;
  try {
    const res = await fetch('/api/jobs/edit', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const job = await res.json();
    if (!res.ok) { throw new Error(job.error.message + (job.error.field ? ' [' + job.error.field + ']' : '')); }
    state.job = job.id;
    const done = await follow(job.id);
    const r = done.result;
    const turn = { input, output: 'data:image/png;base64,' + r.image, mask: 'data:image/png;base64,' + r.mask,
      plan: r.plan, executor: r.executor, instruction: body.instruction || r.plan.instruction };
    if (replace) { state.turns.pop(); }
    state.turns.push(turn);
    state.undone = [];
    await applyTurn(turn);
    setStatus('done');
  } catch (err) {
    setError(err.message);
    setStatus('failed');
  } finally {
    state.job = null;
    busy(false);
    renderTurns();
  }
}

function follow(id) {
  return new Promise((resolve, reject) => {
    const source = new EventSource('/api/jobs/' + id + '/events');
    state.source = source;
    const end = (fn, v) => { source.close(); state.source = null; fn(v); };
    source.addEventListener('running', () => setStatus('running'));
    source.addEventListener('progress', (e) => {
      const j = JSON.parse(e.data);
      setStatus('running ' + j.step + '/' + j.total);
      $('progress').value = j.total ? j.step / j.total : 0;
    });
    source.addEventListener('done', (e) => end(resolve, JSON.parse(e.data)));
    source.addEventListener('failed', (e) => end(reject, new Error(JSON.parse(e.data).error.message)));
    source.addEventListener('cancelled', () => end(reject, new Error('cancelled')));
    source.onerror = () => { if (source.readyState === EventSource.CLOSED) { end(reject, new Error('the event stream closed')); } };
  });
}

async function applyTurn(turn) {
  $('result').src = turn.output;
  $('result-mask').src = turn.mask;
  showPlan(turn.plan, turn.executor);
  await showCurrent(turn.output);
}

function editBody(input, withPlan) {
  const body = { image: input, instruction: $('instruction').value };
  if (withPlan) { body.plan = planFromForm(); }
  const mask = maskPng();
  if (mask) { body[$('mask-kind').value] = mask; }
  return body;
}

$('image-file').addEventListener('change', async (e) => {
  if (!e.target.files.length) { return; }
  const url = await readFile(e.target.files[0]);
  state.turns = []; state.undone = [];
  await showCurrent(url);
  clearMask();
  renderTurns();
  busy(false);
  setStatus('image loaded');
});
$('mask-file').addEventListener('change', async (e) => {
  if (e.target.files.length) { await paintMaskFrom(await readFile(e.target.files[0])); }
});
$('clear-mask').addEventListener('click', clearMask);
$('run').addEventListener('click', () => {
  if (!state.current) { setError('upload an image first'); return; }
  const input = state.current;
  runEdit(input, editBody(input, false), false);
});
$('rerun').addEventListener('click', () => {
  const last = state.turns[state.turns.length - 1];
  if (!last) { return; }
  runEdit(last.input, editBody(last.input, true), true);
});
$('cancel').addEventListener('click', () => {
  if (state.job) { fetch('/api/jobs/' + state.job, { method: 'DELETE' }); }
});
$('use-mask').addEventListener('click', async () => {
  const last = state.turns[state.turns.length - 1];
  if (last) { $('mask-kind').value = 'mask'; await paintMaskFrom(last.mask); }
});
$('undo').addEventListener('click', async () => {
  const t = state.turns.pop();
  if (!t) { return; }
  state.undone.push(t);
  await showCurrent(t.input);
  const prev = state.turns[state.turns.length - 1];
  $('result').removeAttribute('src');
  if (prev) { await applyTurn(prev); }
  renderTurns();
  busy(false);
  setStatus('undone');
});
$('redo').addEventListener('click', async () => {
  const t = state.undone.pop();
  if (!t) { return; }
  state.turns.push(t);
  await applyTurn(t);
  renderTurns();
  busy(false);
  setStatus('redone');
});

fetch('/api/info').then((r) => r.json()).then((info) => {
  $('server-info').textContent = 'backend: ' + info.backend + (info.followsPrompt ? '' : ' (weight-free: removals, '
    + 'recolours, backgrounds and colour adjustments only)') + '; queue ' + info.queueCapacity;
}).catch(() => setError('the server does not answer'));
busy(false);
