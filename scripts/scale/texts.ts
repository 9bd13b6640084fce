// Words for the generated organisation: plausible shop-floor ideas, names and teams, assembled
// from small lists so that millions of rows cost little and full-text search has real words.
import type { Random } from './random';

export const ORGANISATION_NAME = 'Kaizen Motors';

export const DIVISION_NAMES = [
	'Powertrain',
	'Body and Paint',
	'Final Assembly',
	'Logistics',
	'Sales and Service',
	'Quality',
	'Engineering',
	'Corporate'
];

export const SITE_NAMES = [
	'Toyota City',
	'Nagoya',
	'Kariya',
	'Tahara',
	'Takaoka',
	'Motomachi',
	'Tsutsumi',
	'Miyata',
	'Georgetown',
	'Princeton',
	'San Antonio',
	'Burnaston',
	'Valenciennes',
	'Kolin',
	'Walbrzych',
	'Adapazari',
	'Onnaing',
	'Durban',
	'Chachoengsao',
	'Bangalore',
	'Tianjin',
	'Guangzhou',
	'Chongqing',
	'Sorocaba',
	'Zarate',
	'Baja',
	'Woodstock',
	'Cambridge',
	'Huntsville',
	'Buffalo',
	'Jackson',
	'Troy'
];

export const DEPARTMENT_NAMES = [
	'Press Shop',
	'Welding',
	'Paint Shop',
	'Assembly',
	'Inspection',
	'Maintenance',
	'Warehouse',
	'Machining',
	'Casting',
	'Planning',
	'Customer Care',
	'Purchasing'
];

const FIRST_NAMES = [
	'Yuki',
	'Hana',
	'Kenji',
	'Aiko',
	'Sota',
	'Mei',
	'Haruto',
	'Emi',
	'Ren',
	'Sakura',
	'Daichi',
	'Rina',
	'Takeshi',
	'Nana',
	'Kaito',
	'Sam',
	'Luis',
	'Amara',
	'Tom',
	'Chloe',
	'Noah',
	'Isabel',
	'Jamal',
	'Fatima',
	'Oliver',
	'Ines',
	'Victor',
	'Grace',
	'Marcus',
	'Olivia',
	'Priya',
	'Wei',
	'Lena',
	'Jonas',
	'Aylin',
	'Mateo',
	'Zanele',
	'Tariq',
	'Sofia',
	'Piotr'
];

const LAST_NAMES = [
	'Sato',
	'Suzuki',
	'Takahashi',
	'Tanaka',
	'Ito',
	'Watanabe',
	'Yamamoto',
	'Nakamura',
	'Kobayashi',
	'Kato',
	'Yoshida',
	'Yamada',
	'Sasaki',
	'Mori',
	'Inoue',
	'Kimura',
	'Hayashi',
	'Shimizu',
	'Rivera',
	'Chen',
	'Okafor',
	'Webb',
	'Becker',
	'Martin',
	'Fischer',
	'Santos',
	'Hughes',
	'Rahman',
	'Brown',
	'Moreau',
	'Lindqvist',
	'Novak',
	'Kowalski',
	'Yilmaz',
	'Dlamini',
	'Patel',
	'Garcia',
	'Nguyen',
	'Schmidt',
	'Rossi'
];

export function personName(index: number): string {
	const first = FIRST_NAMES[index % FIRST_NAMES.length];
	const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
	return `${first} ${last}`;
}

const ACTIONS = [
	'Move',
	'Relabel',
	'Shorten',
	'Standardise',
	'Replace',
	'Colour-code',
	'Automate',
	'Combine',
	'Simplify',
	'Light',
	'Mark out',
	'Pre-sort',
	'Share',
	'Check',
	'Guard'
];

const THINGS = [
	'the torque wrenches',
	'the parts bins',
	'the pallet route',
	'the changeover checklist',
	'the paint masking',
	'the forklift crossing',
	'the label printer',
	'the spare filters',
	'the handover notes',
	'the kanban cards',
	'the weld tips',
	'the inspection gauges',
	'the tool board',
	'the packaging film',
	'the order picking list',
	'the safety gloves',
	'the waste bins',
	'the delivery slots',
	'the test rig',
	'the shift roster'
];

const PLACES = [
	'at station 4',
	'on line 2',
	'in the press shop',
	'at the loading dock',
	'in the paint booth',
	'next to the welding cell',
	'at final inspection',
	'in the warehouse aisle',
	'at goods receiving',
	'in the break room',
	'on the night shift',
	'at the customer desk',
	'in the machining hall',
	'by the main gate',
	'at the rework bay'
];

const PROBLEMS = [
	'People walk back and forth many times a shift to fetch it.',
	'It takes too long and the line waits while we look for it.',
	'Parts get mixed up and we find the mistake only at inspection.',
	'Nobody knows who is responsible, so it is often forgotten.',
	'It is hard to see in poor light and people trip over it.',
	'We throw away material every week because it expires.',
	'Customers wait while we check the same thing twice.',
	'The current layout forces an awkward reach above shoulder height.',
	'Changeovers take twenty minutes longer than they need to.',
	'We keep running out at the end of the week and order in a rush.'
];

const PROPOSALS = [
	'Mount a shadow board right where the work happens.',
	'Use a colour per variant, on the bin and on the card.',
	'Write a one-page standard and train each shift for ten minutes.',
	'Fit a small LED strip and paint the edge yellow.',
	'Order smaller batches twice a week instead of one large one.',
	'Let the team leader check it once at the start of the shift.',
	'Swap the two stations so the material flows one way.',
	'Add a simple jig so that it only fits the right way round.',
	'Keep a spare set on the trolley and refill it at the break.',
	'Print the list from the system instead of copying it by hand.'
];

const COMMENTS = [
	'Good idea, we have the same problem on our shift.',
	'Could we try this on one station first?',
	'We did something similar in the other plant and it worked well.',
	'How much would the material cost?',
	'Yes please, this annoys everyone.',
	'Maintenance can help with the mounting.',
	'I would add a checklist for the night shift.',
	'Great, that saves me a walk every hour.',
	'Safety should have a look before we change it.',
	'Happy to help test it next week.'
];

const REJECTION_REASONS = [
	'A plant-wide change covers this next quarter; thank you for raising it.',
	'The cost is higher than the benefit for now; let us revisit it with the new line.',
	'Safety rules require the current layout; please talk to me about alternatives.',
	'Another team is already trialling this; I have linked you with them.'
];

const IMPLEMENTATION_NOTES = [
	'Done and working; the team agreed the new standard.',
	'Installed last week and explained to every shift.',
	'Trialled for two weeks, now rolled out to the whole line.',
	'Implemented with help from maintenance.'
];

export function ideaProblem(random: Random): string {
	return random.chance(0.4)
		? `${random.pick(PROBLEMS)} ${random.pick(PROBLEMS)}`
		: random.pick(PROBLEMS);
}

export function ideaProposal(random: Random): string {
	return random.chance(0.3)
		? `${random.pick(PROPOSALS)} ${random.pick(PROPOSALS)}`
		: random.pick(PROPOSALS);
}

export const commentBody = (random: Random) => random.pick(COMMENTS);
export const rejectionReason = (random: Random) => random.pick(REJECTION_REASONS);
export const implementationNote = (random: Random) => random.pick(IMPLEMENTATION_NOTES);

/** A hash of (seed, index) to 32 bits: per-row choices that can be recomputed without storing them. */
export function hashIndex(seed: number, index: number): number {
	let z = (Math.imul(index, 0x9e3779b9) ^ seed) >>> 0;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	return (z ^ (z >>> 16)) >>> 0;
}

/** An idea's title, the same wherever it is needed (the idea, its notifications). */
export function ideaTitleAt(seed: number, index: number): string {
	const h = hashIndex(seed, index);
	return `${ACTIONS[h % ACTIONS.length]} ${THINGS[(h >>> 8) % THINGS.length]} ${PLACES[(h >>> 16) % PLACES.length]}`;
}
