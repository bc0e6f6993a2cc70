import * as tfc from '@tensorflow/tfjs-core';

// Silences tfjs' console notices (the cpu backend's "Hi, looks like you are running
// TensorFlow.js in Node.js" banner, flag overrides). In tfjs-core 4.22 PROD changes nothing
// else: log.warn / log.log and the environment's flag warnings check it. IS_TEST would also
// silence them but additionally turns on the engine's per-kernel data-id leak check, which
// throws from inside backend kernels; tests check leaks themselves (numTensors).
tfc.enableProdMode();
