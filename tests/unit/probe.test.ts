import { render } from 'svelte/server';
import { test } from 'vitest';
import Probe from '../../src/lib/components/charts/Probe.svelte';
test('probe', () => {
	const r = render(Probe, { props: { data: [{ x: 'a', y: 3, z: 1 }, { x: 'b', y: 5, z: 4 }] } });
	console.log(r.body);
});
