/** Astra's US numbers in E.164 ("+12025550123") as people write them, "(202) 555-0123"; others as Astra sent them. */
export function formatPhone(phone: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : phone;
}
