/**
 * The words of every notice in the widget's five languages. `{name}` placeholders are filled by
 * render.ts (always escaped). Kind in tone: a loss is "not this time", never a failure.
 */
import type { AnyNotice, Locale } from './kinds.js';

export interface NoticeCopy { subject: string; heading: string; body: string; cta?: string }
export interface FooterCopy { why: string; unsubscribe: string; check: string; credits: string }

type Book = Record<AnyNotice, NoticeCopy> & { footer: FooterCopy };

const en: Book = {
  entered: { subject: "You're in: {drop}", heading: "You're registered for {drop}", body: 'Your entry id is {entryId}. The draw runs when registration closes; we will write to you with the result.', cta: 'Check the draw' },
  won: { subject: 'You won {drop} — buy by {deadline}', heading: 'You won a chance to buy {drop}!', body: 'Your item is held for you until {deadline}. After that it passes to the next person on the list.', cta: 'Buy now' },
  reminder: { subject: 'Reminder: {drop} is held for you until {deadline}', heading: 'Your purchase window is closing', body: 'You have until {deadline} to buy {drop}. After that it passes to the next person on the list.', cta: 'Buy now' },
  promoted: { subject: "Good news: it's your turn for {drop}", heading: 'A place opened up for you', body: 'Someone ahead of you did not buy, so {drop} is now held for you until {deadline}.', cta: 'Buy now' },
  lost: { subject: 'Not this time: {drop}', heading: 'Not this time', body: 'Thank you for entering {drop}. Your entry was not drawn this time.', cta: 'See the draw' },
  cancelled: { subject: '{drop} has been cancelled', heading: 'This drop was cancelled', body: '{merchant} cancelled {drop} before the draw. Nobody was drawn, and any rollover credits you used are yours again.' },
  opening_soon: { subject: 'Registration for {drop} opens soon', heading: 'Registration opens soon', body: 'You asked us to tell you: registration for {drop} opens at {opensAt}.', cta: 'Go to the drop' },
  confirm_address: { subject: 'Confirm your address for {merchant}', heading: 'Please confirm your address', body: 'You gave this address to {merchant} for news about {drop}. Confirm it and we will write to you; if it was not you, ignore this email.', cta: 'Confirm my address' },
  footer: { why: 'You get this email because you entered a drop at {merchant}.', unsubscribe: 'Unsubscribe from these emails', check: 'Anyone can check the draw: {link}', credits: 'You earned {credits} rollover credit(s) for the next drop.' },
};

const de: Book = {
  entered: { subject: 'Du bist dabei: {drop}', heading: 'Du bist für {drop} registriert', body: 'Deine Teilnahme-ID ist {entryId}. Die Ziehung läuft, wenn die Registrierung schließt; wir schreiben dir das Ergebnis.', cta: 'Ziehung prüfen' },
  won: { subject: 'Gewonnen: {drop} – kaufe bis {deadline}', heading: 'Du darfst {drop} kaufen!', body: 'Dein Artikel ist bis {deadline} für dich reserviert. Danach geht er an die nächste Person auf der Liste.', cta: 'Jetzt kaufen' },
  reminder: { subject: 'Erinnerung: {drop} ist bis {deadline} für dich reserviert', heading: 'Dein Kaufzeitraum endet bald', body: 'Du hast bis {deadline} Zeit, {drop} zu kaufen. Danach geht er an die nächste Person auf der Liste.', cta: 'Jetzt kaufen' },
  promoted: { subject: 'Gute Nachricht: Du bist dran bei {drop}', heading: 'Ein Platz ist für dich frei geworden', body: 'Jemand vor dir hat nicht gekauft, daher ist {drop} jetzt bis {deadline} für dich reserviert.', cta: 'Jetzt kaufen' },
  lost: { subject: 'Diesmal nicht: {drop}', heading: 'Diesmal nicht', body: 'Danke für deine Teilnahme an {drop}. Deine Teilnahme wurde diesmal nicht gezogen.', cta: 'Ziehung ansehen' },
  cancelled: { subject: '{drop} wurde abgesagt', heading: 'Dieser Drop wurde abgesagt', body: '{merchant} hat {drop} vor der Ziehung abgesagt. Niemand wurde gezogen, und eingesetzte Guthaben-Lose gehören wieder dir.' },
  opening_soon: { subject: 'Die Registrierung für {drop} öffnet bald', heading: 'Die Registrierung öffnet bald', body: 'Wie gewünscht: Die Registrierung für {drop} öffnet am {opensAt}.', cta: 'Zum Drop' },
  confirm_address: { subject: 'Bestätige deine Adresse für {merchant}', heading: 'Bitte bestätige deine Adresse', body: 'Du hast diese Adresse bei {merchant} für Neuigkeiten zu {drop} angegeben. Bestätige sie, dann schreiben wir dir; warst du es nicht, ignoriere diese E-Mail.', cta: 'Adresse bestätigen' },
  footer: { why: 'Du erhältst diese E-Mail, weil du an einem Drop bei {merchant} teilgenommen hast.', unsubscribe: 'Diese E-Mails abbestellen', check: 'Jeder kann die Ziehung prüfen: {link}', credits: 'Du hast {credits} Guthaben-Los(e) für den nächsten Drop erhalten.' },
};

const es: Book = {
  entered: { subject: 'Ya participas: {drop}', heading: 'Te has registrado en {drop}', body: 'Tu id de participación es {entryId}. El sorteo se hace al cerrar el registro; te escribiremos con el resultado.', cta: 'Comprobar el sorteo' },
  won: { subject: 'Has ganado {drop}: compra antes de {deadline}', heading: '¡Has ganado la opción de comprar {drop}!', body: 'Tu artículo está reservado hasta {deadline}. Después pasa a la siguiente persona de la lista.', cta: 'Comprar ahora' },
  reminder: { subject: 'Recordatorio: {drop} está reservado hasta {deadline}', heading: 'Tu plazo de compra termina pronto', body: 'Tienes hasta {deadline} para comprar {drop}. Después pasa a la siguiente persona de la lista.', cta: 'Comprar ahora' },
  promoted: { subject: 'Buenas noticias: te toca en {drop}', heading: 'Se ha liberado un puesto para ti', body: 'Alguien antes que tú no compró, así que {drop} está reservado para ti hasta {deadline}.', cta: 'Comprar ahora' },
  lost: { subject: 'Esta vez no: {drop}', heading: 'Esta vez no', body: 'Gracias por participar en {drop}. Tu participación no salió elegida esta vez.', cta: 'Ver el sorteo' },
  cancelled: { subject: '{drop} se ha cancelado', heading: 'Este drop se ha cancelado', body: '{merchant} canceló {drop} antes del sorteo. No se eligió a nadie y los créditos que usaste vuelven a ser tuyos.' },
  opening_soon: { subject: 'El registro de {drop} abre pronto', heading: 'El registro abre pronto', body: 'Nos pediste avisarte: el registro de {drop} abre el {opensAt}.', cta: 'Ir al drop' },
  confirm_address: { subject: 'Confirma tu dirección para {merchant}', heading: 'Confirma tu dirección', body: 'Diste esta dirección a {merchant} para recibir noticias de {drop}. Confírmala y te escribiremos; si no fuiste tú, ignora este correo.', cta: 'Confirmar mi dirección' },
  footer: { why: 'Recibes este correo porque participaste en un drop de {merchant}.', unsubscribe: 'Darse de baja de estos correos', check: 'Cualquiera puede comprobar el sorteo: {link}', credits: 'Has ganado {credits} crédito(s) para el próximo drop.' },
};

const fr: Book = {
  entered: { subject: 'Vous participez : {drop}', heading: 'Vous êtes inscrit à {drop}', body: "Votre identifiant de participation est {entryId}. Le tirage a lieu à la clôture des inscriptions ; nous vous écrirons le résultat.", cta: 'Vérifier le tirage' },
  won: { subject: 'Gagné : {drop} — achetez avant {deadline}', heading: 'Vous pouvez acheter {drop} !', body: "Votre article vous est réservé jusqu'à {deadline}. Ensuite, il passe à la personne suivante sur la liste.", cta: 'Acheter maintenant' },
  reminder: { subject: "Rappel : {drop} vous est réservé jusqu'à {deadline}", heading: "Votre délai d'achat se termine bientôt", body: "Vous avez jusqu'à {deadline} pour acheter {drop}. Ensuite, il passe à la personne suivante sur la liste.", cta: 'Acheter maintenant' },
  promoted: { subject: "Bonne nouvelle : c'est votre tour pour {drop}", heading: "Une place s'est libérée pour vous", body: "Quelqu'un avant vous n'a pas acheté : {drop} vous est réservé jusqu'à {deadline}.", cta: 'Acheter maintenant' },
  lost: { subject: 'Pas cette fois : {drop}', heading: 'Pas cette fois', body: "Merci d'avoir participé à {drop}. Votre participation n'a pas été tirée cette fois.", cta: 'Voir le tirage' },
  cancelled: { subject: '{drop} a été annulé', heading: 'Ce drop a été annulé', body: '{merchant} a annulé {drop} avant le tirage. Personne n\'a été tiré et vos crédits utilisés vous sont rendus.' },
  opening_soon: { subject: 'Les inscriptions pour {drop} ouvrent bientôt', heading: 'Les inscriptions ouvrent bientôt', body: 'Comme demandé : les inscriptions pour {drop} ouvrent le {opensAt}.', cta: 'Voir le drop' },
  confirm_address: { subject: 'Confirmez votre adresse pour {merchant}', heading: 'Merci de confirmer votre adresse', body: "Vous avez donné cette adresse à {merchant} pour des nouvelles de {drop}. Confirmez-la et nous vous écrirons ; si ce n'était pas vous, ignorez cet e-mail.", cta: 'Confirmer mon adresse' },
  footer: { why: 'Vous recevez cet e-mail car vous avez participé à un drop chez {merchant}.', unsubscribe: 'Se désabonner de ces e-mails', check: 'Tout le monde peut vérifier le tirage : {link}', credits: 'Vous avez gagné {credits} crédit(s) pour le prochain drop.' },
};

const ja: Book = {
  entered: { subject: '{drop} に登録しました', heading: '{drop} への登録が完了しました', body: 'エントリーID は {entryId} です。登録終了後に抽選を行い、結果をお知らせします。', cta: '抽選を確認する' },
  won: { subject: '当選：{drop}（{deadline} までに購入）', heading: '{drop} に当選しました！', body: '商品は {deadline} までお取り置きしています。期限を過ぎると次の方に権利が移ります。', cta: '今すぐ購入' },
  reminder: { subject: 'リマインダー：{drop} は {deadline} までお取り置き中', heading: '購入期限が近づいています', body: '{deadline} までに {drop} をご購入ください。期限を過ぎると次の方に権利が移ります。', cta: '今すぐ購入' },
  promoted: { subject: 'お知らせ：{drop} の購入権が回ってきました', heading: '購入の順番が回ってきました', body: '前の方が購入されなかったため、{drop} を {deadline} までお取り置きしています。', cta: '今すぐ購入' },
  lost: { subject: '今回は落選となりました：{drop}', heading: '今回は落選となりました', body: '{drop} にご応募いただきありがとうございました。今回は当選となりませんでした。', cta: '抽選を見る' },
  cancelled: { subject: '{drop} は中止になりました', heading: 'このドロップは中止になりました', body: '{merchant} は抽選前に {drop} を中止しました。抽選は行われず、使用したクレジットは返却されます。' },
  opening_soon: { subject: '{drop} の登録がまもなく始まります', heading: '登録がまもなく始まります', body: 'ご依頼のとおりお知らせします：{drop} の登録は {opensAt} に始まります。', cta: 'ドロップを見る' },
  confirm_address: { subject: '{merchant} のメールアドレス確認', heading: 'メールアドレスを確認してください', body: '{drop} のお知らせのため、このアドレスが {merchant} に登録されました。確認するとお知らせをお送りします。心当たりがない場合はこのメールを無視してください。', cta: 'アドレスを確認する' },
  footer: { why: '{merchant} のドロップに参加したため、このメールをお送りしています。', unsubscribe: 'これらのメールの配信を停止する', check: '抽選は誰でも検証できます：{link}', credits: '次回のドロップで使えるクレジットを {credits} 獲得しました。' },
};

const books: Record<Locale, Book> = { en, de, es, fr, ja };

export function copyFor(locale: Locale, notice: AnyNotice): NoticeCopy { return books[locale][notice]; }
export function footerFor(locale: Locale): FooterCopy { return books[locale].footer; }
