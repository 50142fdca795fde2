/**
 * A phone number as staff who do not need it read it: 138****0001. The first three and last four
 * digits stay (enough to tell two owners apart and to confirm a number read out on the phone);
 * anything too short to keep that much is hidden whole.
 */
export const maskPhone = (phone: string): string => {
  const chars = Array.from(phone);
  if (chars.length === 0) return '';
  if (chars.length < 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
};
