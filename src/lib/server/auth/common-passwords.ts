// The most common passwords of at least 8 characters, from public breach-corpus top lists
// (SecLists, NCSC's top 100k). Shorter ones are already refused by the length rule. Compared
// case-insensitively. A small bundled list by design: no network look-up at sign-up.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
	`12345678 123456789 1234567890 12345678910 123123123 1234512345 11111111 111111111 1111111111
	00000000 000000000 0000000000 22222222 55555555 66666666 77777777 88888888 99999999 87654321
	987654321 9876543210 12341234 11223344 112233445566 123321123 147258369 159357456 741852963
	123456789a 1234567890a 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qaz2wsx3edc zaq12wsx
	zaq1zaq1 qwertyui qwertyuiop qwerty123 qwerty1234 qwerty12 qwertyu1 asdfghjk asdfghjkl
	asdf1234 zxcvbnm1 zxcvbnm123 q1w2e3r4 q1w2e3r4t5 a1b2c3d4 abcd1234 abc12345 abcdefgh
	abcdefg1 aa123456 password password1 password12 password123 password1234 password! passw0rd
	p@ssw0rd p@ssword pa55word pa55w0rd passpass password01 mypassword yourpassword secretpass
	iloveyou iloveyou1 iloveyou2 loveyou1 sunshine sunshine1 princess princess1 football
	football1 baseball basketball superman batman123 starwars trustno1 whatever welcome1
	welcome123 welcome! letmein1 letmein123 changeme changeme1 changeme123 default1 admin123
	administrator admin1234 adminadmin rootroot computer internet master123 michael1 jennifer
	jordan23 charlie1 michelle benjamin sebastian samantha christian alexander elizabeth
	liverpool chelsea1 arsenal1 manchester barcelona butterfly chocolate cookie123 dragon12
	dragon123 monkey12 monkey123 shadow12 shadow123 master12 freedom1 football123 soccer12
	hello123 helloworld hellohello goodluck sunflower pokemon1 pokemon123 blink182 spiderman
	midnight whatever1 nicole12 jessica1 ashley12 11qqaazz qazwsxedc qazxswedc 1234qwer
	qwer1234 asdfasdf zxcvzxcv q1q1q1q1 a1a1a1a1 aaaaaaaa abababab azertyui azerty123 azertyuiop
	motdepasse passwort passwort1 hallo123 contraseña contrasena 123456qwerty qwerty123456
	welcome2024 welcome2025 welcome2026 summer2024 summer2025 summer2026 winter2024 winter2025
	winter2026 spring2025 spring2026 autumn2025 autumn2026 password2024 password2025
	password2026 company1 company123 teian123 teianteian`
		.split(/\s+/)
		.filter(Boolean)
);
