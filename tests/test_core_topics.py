"""A question that names social considerations or one of their instruments is answered on a lower
confidence bar; a procurement question on anything else is not."""

from bot.answer.core_topics import names_core_topic


def test_chat_questions_on_social_considerations_name_the_topic():
    assert names_core_topic("tänkte reservera vår tvättupphandling, ok?")
    assert names_core_topic("yo är det lagligt att kräva att de anställer nyanlända")
    assert names_core_topic("behöver vi ens bry oss om sociala hänsyn när vi köper städning")
    assert names_core_topic("is it legal to require apprenticeships?")  # English mixed in
    assert names_core_topic("hur funkar social value i upphandling, typ som i UK")
    # the workers' conditions as a politician puts them
    assert names_core_topic("kan vi kräva att personalen har schyssta villkor")
    assert names_core_topic("hur stoppar vi lönedumpning hos städfirman")
    assert names_core_topic("vad händer om leverantören inte följer lönevillkoren vi ställt")
    # excluding suppliers is one of the instruments
    assert names_core_topic("Hur kontrollerar vi uteslutningsgrunderna innan vi tilldelar kontraktet?")


def test_other_procurement_and_municipal_questions_do_not():
    assert not names_core_topic("Hur lång anbudstid måste vi ha i ett öppet förfarande?")
    assert not names_core_topic("Vilka miljökrav bör vi ställa på bilarna i transportupphandlingen?")
    assert not names_core_topic("får ett kommunalt bolag gå med förlust år efter år?")
    assert not names_core_topic("hur förlänger vi ett avtal som snart löper ut")
    assert not names_core_topic("vilka villkor gäller för att förlänga ett ramavtal")
    # "i praktiken" is not a work placement
    assert not names_core_topic("hur funkar avtalsspärren i praktiken")
