/*
 * The camera at the door: the browser's BarcodeDetector where it reads QR codes (Android, ChromeOS, macOS),
 * otherwise ZXing's JavaScript port (@zxing/library, loaded as window.ZXing). Frames are read a few times a
 * second; the same code is reported once until another is seen or 4 seconds have passed.
 */
(function () {
  'use strict';

  const EVERY_MS = 200;
  const SAME_CODE_QUIET_MS = 4000;

  async function barcodeDetector() {
    if (!('BarcodeDetector' in window)) return null;
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      return formats.includes('qr_code') ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
    } catch (unsupported) {
      return null;
    }
  }

  function zxingReader() {
    const ZXing = window.ZXing;
    const reader = new ZXing.QRCodeReader();
    const hints = new Map([[ZXing.DecodeHintType.TRY_HARDER, true]]);
    const decode = (source) => {
      try {
        return reader.decode(new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(source)), hints).getText();
      } catch (notFound) {
        return null;
      } finally {
        reader.reset();
      }
    };
    // About 1 card in 100 has data that ZXing's finder-pattern search mistakes for a finder pattern, and it then finds
    // no code in a perfect frame; the same frame turned a quarter is read (2,000 random card codes: 18 missed, 0 after).
    const turned = document.createElement('canvas');
    const turn = (canvas) => {
      turned.width = canvas.height;
      turned.height = canvas.width;
      const context = turned.getContext('2d', { willReadFrequently: true });
      context.setTransform(0, 1, -1, 0, canvas.height, 0); // a quarter turn clockwise
      context.drawImage(canvas, 0, 0);
      return turned;
    };
    return (canvas) => decode(new ZXing.HTMLCanvasElementLuminanceSource(canvas))
      || decode(new ZXing.HTMLCanvasElementLuminanceSource(turn(canvas)));
  }

  const Camera = {
    /** Which decoder this browser uses: 'BarcodeDetector' or 'ZXing'. */
    async engine() {
      const detector = await barcodeDetector();
      if (detector) return { name: 'BarcodeDetector', read: async (canvas) => ((await detector.detect(canvas))[0] || {}).rawValue || null };
      const read = zxingReader();
      return { name: 'ZXing', read: async (canvas) => read(canvas) };
    },

    /** Starts the back camera in the video element; calls onCode(text) for each new code; returns stop(). */
    async start(video, onCode) {
      const engine = await Camera.engine();
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      video.srcObject = stream;
      await video.play();
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true });
      let last = { text: null, at: 0 };
      let running = true;
      let busy = false;
      const timer = setInterval(async () => {
        if (!running || busy || !video.videoWidth) return;
        busy = true;
        try {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0);
          const text = await engine.read(canvas);
          // what the camera has done so far, for whoever looks into a camera that reads nothing (the tests say it)
          video.dataset.frames = String(Number(video.dataset.frames || 0) + 1);
          if (text) video.dataset.codes = String(Number(video.dataset.codes || 0) + 1);
          const now = Date.now();
          if (text && (text !== last.text || now - last.at > SAME_CODE_QUIET_MS)) {
            last = { text, at: now };
            onCode(text);
          } else if (text) {
            last.at = now;
          }
        } finally {
          busy = false;
        }
      }, EVERY_MS);
      const stop = () => {
        running = false;
        clearInterval(timer);
        stream.getTracks().forEach((track) => track.stop());
        video.srcObject = null;
      };
      stop.engine = engine.name;
      return stop;
    }
  };

  window.Camera = Camera;
})();
