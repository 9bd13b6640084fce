/** The demo people the browser tests act as, by their sign-in name (e-mail or employee number). */
export const E2E_PEOPLE = {
	employee: 'sam@hanami.example',
	colleague: 'luis@hanami.example',
	storeManager: 'marcus@hanami.example',
	manager: 'kenji@hanami.example',
	lineManager: 'aiko@hanami.example',
	hr: 'hana@hanami.example',
	admin: 'olivia@hanami.example',
	shopFloor: 'E1001',
	shopFloorColleague: 'E1002',
	bakery: 'S2001'
} as const;
export type E2eRole = keyof typeof E2E_PEOPLE;
