"""ona's Streamlit app: ``streamlit run app.py`` (or ``ona app``). The app itself lives in ona/app/."""

from ona.app.main import main

main()
