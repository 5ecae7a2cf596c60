/**
 * `<fair-drop>` as a React component: @lit/react maps properties and turns the widget's DOM
 * events into typed `on…` props.
 */
import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { FairDrop as FairDropElement, type FairDropEvent } from '@fairdrop/widget';

export const FairDrop = createComponent({
  tagName: 'fair-drop',
  elementClass: FairDropElement,
  react: React,
  events: {
    onReady: 'fairdrop:ready' as EventName<FairDropEvent<'fairdrop:ready'>>,
    onRegistered: 'fairdrop:registered' as EventName<FairDropEvent<'fairdrop:registered'>>,
    onWon: 'fairdrop:won' as EventName<FairDropEvent<'fairdrop:won'>>,
    onLost: 'fairdrop:lost' as EventName<FairDropEvent<'fairdrop:lost'>>,
    onPurchase: 'fairdrop:purchase' as EventName<FairDropEvent<'fairdrop:purchase'>>,
    onFairdropError: 'fairdrop:error' as EventName<FairDropEvent<'fairdrop:error'>>,
  },
});
