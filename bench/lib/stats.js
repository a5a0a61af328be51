/** The lower median (for an even count, the smaller of the two middle values), as every bench reports it. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
