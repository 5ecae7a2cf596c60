import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FairDrop } from './fair-drop.js';

/** Written by serve.mjs from .fairdrop/demo.json (npm start): where the drop is and who is signed in. */
interface Config { drop: string; publishableKey: string; api: string; sse?: string; shopperToken?: string; customer?: string }

function App() {
  const [config, setConfig] = useState<Config | null>(null);
  const [status, setStatus] = useState('Waiting for the drop…');

  useEffect(() => {
    fetch('/config.json').then((r) => r.json()).then(setConfig, () => setStatus('No /config.json: run `npm start -w @fairdrop/example-react`.'));
  }, []);

  if (!config) return <p role="status">{status}</p>;
  return (
    <main style={{ maxWidth: 480, margin: '2rem auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>Sneaker drop</h1>
      <p>Signed in as <b>{config.customer ?? 'a guest'}</b>. The widget below is a React component.</p>
      <FairDrop
        drop={config.drop}
        publishableKey={config.publishableKey}
        api={config.api}
        sseUrl={config.sse}
        shopperToken={config.shopperToken}
        powWorkerUrl="/fair-drop.worker.js"
        onReady={(e) => setStatus(`${e.detail.drop.name}: ${e.detail.drop.phase}`)}
        onRegistered={(e) => setStatus(`Registered with ${e.detail.receipt.tickets} ticket(s).`)}
        onWon={(e) => setStatus(`You won! Entry ${e.detail.entryId}.`)}
        onLost={() => setStatus('Not this time — your credits roll over.')}
        onPurchase={(e) => { e.preventDefault(); setStatus(`Checkout with token ${e.detail.purchaseToken.slice(0, 8)}…`); }}
        onFairdropError={(e) => setStatus(`Error: ${e.detail.code}`)}
      />
      <p role="status" data-testid="status">{status}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
